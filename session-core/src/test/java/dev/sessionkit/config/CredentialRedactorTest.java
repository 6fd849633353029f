package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of credential Sessionkit may be handed, masked by the one shared routine (issue 11). */
class CredentialRedactorTest {

    private static final String SECRET = "S3cret";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:mysql://app:S3cret@db.internal:3306/app | jdbc:mysql://app:****@db.internal:3306/app",
        "jdbc:postgresql://app:S3cret@db.internal/app | jdbc:postgresql://app:****@db.internal/app",
        "jdbc:h2:tcp://app:S3cret@db.internal:9092/app | jdbc:h2:tcp://app:****@db.internal:9092/app",
        "jdbc:mariadb://app:p@S3cret@db/app | jdbc:mariadb://app:****@db/app",
        "postgres://app:S3cret@db/app | postgres://app:****@db/app",
        "jdbc:postgresql://db/app?user=app&password=S3cret&ssl=true | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
        "jdbc:postgresql://db/app?PassWord=S3cret | jdbc:postgresql://db/app?PassWord=****",
        "jdbc:h2:tcp://db/app;USER=app;PASSWORD=S3cret;MODE=LEGACY | jdbc:h2:tcp://db/app;USER=app;PASSWORD=****;MODE=LEGACY",
        "jdbc:sqlserver://db;user=app;pwd=S3cret | jdbc:sqlserver://db;user=app;pwd=****",
        "jdbc:db2://db/app:passwd=S3cret; | jdbc:db2://db/app:passwd=****;",
        "jdbc:postgresql://db/app?sslpassword=S3cret | jdbc:postgresql://db/app?sslpassword=****",
        "jdbc:oracle:thin:app/S3cret@db:1521/app | jdbc:oracle:thin:app/****@db:1521/app",
        "No suitable driver found for jdbc:mysql://app:S3cret@db/app. | No suitable driver found for jdbc:mysql://app:****@db/app.",
        "Unknown options: '--jdbc-password', 'S3cret' | Unknown options: '--jdbc-password', '****'",
        "sessionkit --jdbc-password S3cret list | sessionkit --jdbc-password **** list",
        "sessionkit --jdbc-password=S3cret list | sessionkit --jdbc-password=**** list",
        "password='S3 cret x' | password='****'"})
    void redactTextWhenCredentialThenMaskedAndTheRestKept(String text, String expected) {
        assertEquals(expected, CredentialRedactor.redactText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Check jdbc-url, jdbc-user and jdbc-password, and that the database is running.",
        "jdbc:postgresql://db:5432/app", "no session with id AbCdEfGhIjKlMnOpQrStUv", "user@example.com wrote"})
    void redactTextWhenNoCredentialThenUnchanged(String text) {
        assertEquals(text, CredentialRedactor.redactText(text));
    }

    @Test
    void redactWhenADriverQuotesPartOfTheUrlThenTheKnownSecretIsMaskedToo() {
        // H2 on jdbc:h2:tcp://app:S3cret@host:1/db parses "S3cret@host:1" as a port and quotes it.
        CredentialRedactor redactor = CredentialRedactor.patterns()
                .alsoHidingSecretsOf("jdbc:h2:tcp://app:S3cret@127.0.0.1:1/db");

        String safe = redactor.redact("General error: \"java.lang.NumberFormatException: For input string: "
                + "\"\"S3cret@127.0.0.1:1\"\"\" [50000-252]");

        assertFalse(safe.contains(SECRET), safe);
        assertTrue(safe.contains("NumberFormatException"), safe);
    }

    @Test
    void secretsInWhenPercentEncodedThenBothFormsAreKnown() {
        assertEquals(Set.of("S%33cret", SECRET), CredentialRedactor.secretsIn("jdbc:mysql://app:S%33cret@db/app"));
        assertEquals(Set.of(SECRET), CredentialRedactor.secretsIn("jdbc:h2:mem:x;PASSWORD=S3cret"));
    }

    @Test
    void ofSettingsWhenPasswordConfiguredThenMaskedAnywhere() {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl("jdbc:postgresql://db/app")
                .jdbcPassword("correct-horse").build();

        assertEquals("login failed for ****", CredentialRedactor.of(settings).redact("login failed for correct-horse"));
    }

    @Test
    void redactedCopyWhenChainCarriesTheUrlThenEveryMessageIsMaskedAndTheShapeKept() {
        SQLException driver = new SQLException("No suitable driver found for jdbc:mysql://app:S3cret@db/app",
                "08001", 0);
        RuntimeException wrapper = new IllegalStateException("open jdbc:mysql://app:S3cret@db/app", driver);
        wrapper.addSuppressed(new RuntimeException("password=S3cret"));

        Throwable copy = CredentialRedactor.patterns().redactedCopy(wrapper);
        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));

        assertFalse(printed.toString().contains(SECRET), printed.toString());
        assertTrue(printed.toString().contains("java.lang.IllegalStateException: open jdbc:mysql://app:****@db/app"));
        assertTrue(printed.toString().contains("Caused by: java.sql.SQLException: No suitable driver"));
        SQLException cause = assertInstanceOf(SQLException.class, copy.getCause());
        assertEquals("08001", cause.getSQLState());
        assertEquals(List.of(wrapper.getStackTrace()), List.of(copy.getStackTrace()));
        assertTrue(CredentialRedactor.patterns().redactedCopy(copy).getCause().toString()
                .startsWith("java.sql.SQLException: "), "a copy of a copy still names the original class");
    }
}
