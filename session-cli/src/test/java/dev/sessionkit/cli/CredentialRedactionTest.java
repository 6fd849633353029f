package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No form of database credential is ever printed (issue 11): a JDBC URL carrying a password, wherever the option
 * stands on the command line, gives a useful one-line error without the password. Every URL points at 127.0.0.1
 * port 1 (nothing listens there) or at a driver the CLI does not ship, so nothing leaves the machine.
 */
class CredentialRedactionTest {

    private static final String SECRET = "S3cret";

    private final Cli cli = new Cli(MutableClock.atT0());

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:mysql://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://app:S3cret@127.0.0.1:1/db",
        "jdbc:h2:tcp://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://127.0.0.1:1/db?user=app&password=S3cret",
        "jdbc:postgresql://127.0.0.1:1/db?user=app&PASSWORD=S3cret&connectTimeout=2",
        "jdbc:h2:tcp://127.0.0.1:1/db;USER=app;PASSWORD=S3cret",
        "jdbc:sqlserver://127.0.0.1:1;user=app;pwd=S3cret",
        "jdbc:oracle:thin:app/S3cret@127.0.0.1:1/db"})
    void aUrlWithAPasswordBeforeTheCommandGivesAUsefulErrorWithoutIt(String url) {
        Cli.Result result = cli.run("--jdbc-url", url, "stats");

        assertEquals(3, result.exit(), result::toString);
        assertFalse(result.all().contains(SECRET), result::toString);
        assertTrue(result.err().contains("Cannot connect to the session database jdbc:"), result::toString);
        assertTrue(result.err().contains("127.0.0.1"), "where it tried is still shown: " + result);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:mysql://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://app:S3cret@127.0.0.1:1/db",
        "jdbc:h2:tcp://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://127.0.0.1:1/db?user=app&password=S3cret",
        "jdbc:h2:tcp://127.0.0.1:1/db;USER=app;PASSWORD=S3cret",
        "jdbc:oracle:thin:app/S3cret@127.0.0.1:1/db"})
    void aUrlWithAPasswordAfterTheCommandGivesAUsageErrorWithoutIt(String url) {
        Cli.Result separate = cli.run("stats", "--jdbc-url", url);
        Cli.Result joined = cli.run("stats", "--jdbc-url=" + url);

        for (Cli.Result result : new Cli.Result[] {separate, joined}) {
            assertEquals(2, result.exit(), result::toString);
            assertFalse(result.all().contains(SECRET), result::toString);
            assertTrue(result.err().contains("Unknown option") && result.err().contains("--jdbc-url"),
                    result::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jdbc-password", "--jdbc-password="})
    void aPasswordOptionAfterTheCommandIsNeverEchoed(String option) {
        String[] args = option.endsWith("=")
                ? new String[] {"--jdbc-url", "jdbc:h2:mem:x", "stats", option + SECRET}
                : new String[] {"--jdbc-url", "jdbc:h2:mem:x", "stats", option, SECRET};

        Cli.Result result = cli.run(args);

        assertEquals(2, result.exit(), result::toString);
        assertFalse(result.all().contains(SECRET), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://app:S3cret@127.0.0.1:1/db", "jdbc:h2:tcp://app:S3cret@127.0.0.1:1/db"})
    void aUrlWithAPasswordFromTheEnvironmentIsNeverPrinted(String url) {
        Cli.Result result = new Cli(MutableClock.atT0()).env("SESSIONKIT_JDBC_URL", url).run("stats");

        assertEquals(3, result.exit(), result::toString);
        assertFalse(result.all().contains(SECRET), result::toString);
    }
}
