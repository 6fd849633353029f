package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.jpa.SchemaScripts;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.token.TokenGenerator;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line without a database: help, version, usage errors (exit 2 with a one-line hint), an unreachable
 * database (exit 3), {@code schema print}, and that no token or password is ever echoed.
 */
class CommandLineTest {

    private static final String NO_TABLES = "jdbc:h2:mem:nothing-here";
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/sessions?connectTimeout=2";

    private final Cli cli = new Cli(MutableClock.atT0());

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "show", "validate", "revoke", "cleanup", "stats", "schema", "schema print",
        "schema create", "schema validate"})
    void helpWhenAskedOnAnyCommandThenPrintsUsageAndExitCodes(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Cli.Result result = cli.run(args.toArray(String[]::new));

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().startsWith("Usage: sessionkit" + (command.isEmpty() ? "" : " " + command)),
                result::toString);
        assertTrue(result.out().contains("Exit codes:"), result::toString);
        assertTrue(result.out().contains("2   usage"), result::toString);
        assertEquals("", result.err());
    }

    @Test
    void helpOfTheRootThenNamesEveryCommandAndThePasswordVariable() {
        String help = cli.run("--help").out();

        for (String command : List.of("list", "show", "validate", "revoke", "cleanup", "stats", "schema")) {
            assertTrue(help.contains("\n  " + command + " "), command);
        }
        assertTrue(help.contains("SESSIONKIT_JDBC_PASSWORD"), help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionThenPrintsTheBuildVersion(String option) {
        Cli.Result result = cli.run(option);

        assertEquals(0, result.exit());
        assertTrue(result.out().matches("sessionkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), result::toString);
    }

    @Test
    void noCommandThenUsageErrorListingTheCommands() {
        Cli.Result result = cli.run();

        assertUsageError(result, "sessionkit");
        assertTrue(result.err().contains("missing command: one of list, show, validate, revoke, cleanup, stats, schema"),
                result::toString);
    }

    @Test
    void noSchemaCommandThenUsageError() {
        assertUsageError(cli.run("schema"), "sessionkit schema");
    }

    @Test
    void unknownCommandThenUsageErrorWithSuggestion() {
        Cli.Result result = cli.run("lst");

        assertUsageError(result, "sessionkit");
        assertTrue(result.err().contains("did you mean list"), result::toString);
    }

    @Test
    void unknownOptionThenUsageErrorNamingIt() {
        Cli.Result result = cli.run("--jdbc-url", NO_TABLES, "list", "--al");

        assertUsageError(result, "sessionkit list");
        assertTrue(result.err().contains("'--al'"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "revoke"})
    void malformedIdThenUsageErrorBeforeConnecting(String command) {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, command, "not-an-id");

        assertUsageError(result, "sessionkit " + command);
        assertTrue(result.err().contains("'not-an-id' is not a session id"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "-5m", "30 minutes", "P"})
    void badDurationThenUsageErrorBeforeConnecting(String duration) {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "cleanup", "--older-than", duration);

        assertUsageError(result, "sessionkit cleanup");
        assertTrue(result.err().contains("--older-than"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "-1"})
    void limitOutOfRangeThenUsageError(String limit) {
        assertUsageError(cli.run("--jdbc-url", UNREACHABLE, "list", "--limit", limit), "sessionkit list");
    }

    @Test
    void revokeWithNeitherIdNorUserThenUsageError() {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "revoke");

        assertUsageError(result, "sessionkit revoke");
        assertTrue(result.err().contains("give an ID or --user NAME"), result::toString);
    }

    @Test
    void revokeWithBothIdAndUserThenUsageError() {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "revoke", "AAAAAAAAAAAAAAAAAAAAAA", "--user", "bob");

        assertUsageError(result, "sessionkit revoke");
        assertTrue(result.err().contains("not both"), result::toString);
    }

    @Test
    void noDatabaseGivenThenUsageErrorNamingOptionAndVariable() {
        Cli.Result result = cli.run("list");

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().contains("--jdbc-url") && result.err().contains("SESSIONKIT_JDBC_URL"),
                result::toString);
    }

    @Test
    void notAJdbcUrlThenUsageError() {
        Cli.Result result = cli.run("--jdbc-url", "postgres://db/app", "list");

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().startsWith("sessionkit: jdbc-url"), result::toString);
    }

    @Test
    void badSettingInTheEnvironmentThenUsageErrorNamingTheVariable() {
        Cli.Result result = new Cli(MutableClock.atT0()).env("SESSIONKIT_JDBC_URL", NO_TABLES)
                .env("SESSIONKIT_HISTORY_RETENTION", "forever").run("cleanup");

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().contains("history-retention") && result.err().contains("SESSIONKIT_"),
                result::toString);
    }

    @Test
    void unreachableDatabaseThenExit3OnOneLineWithoutThePassword() {
        String password = "correct-horse-battery";
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "--jdbc-user", "ops", "--jdbc-password", password,
                "list");

        assertEquals(3, result.exit(), result::toString);
        assertEquals("", result.out());
        assertOneLine(result.err());
        assertTrue(result.err().contains("Cannot connect"), result::toString);
        assertFalse(result.all().contains(password), result::toString);
    }

    @Test
    void passwordInUrlAndEnvironmentThenNeverPrinted() {
        String password = "s3cret-from-env";
        Cli.Result result = new Cli(MutableClock.atT0()).env("SESSIONKIT_JDBC_PASSWORD", password)
                .run("--jdbc-url", "jdbc:nosuchdriver://db/app?password=" + password, "stats");

        assertEquals(3, result.exit(), result::toString);
        assertFalse(result.all().contains(password), result::toString);
    }

    @Test
    void tokenTypedWhereItDoesNotBelongThenNeverEchoed() {
        String token = TokenGenerator.secureRandom(new SecureRandom()).next().reveal();

        for (String[] args : List.of(new String[] {token}, new String[] {"list", token},
                new String[] {"--jdbc-url", NO_TABLES, "show", token}, new String[] {"cleanup", "--older-than", token},
                new String[] {"schema", "print", "--database", token})) {
            Cli.Result result = cli.run(args);
            assertAll(() -> assertEquals(2, result.exit(), result::toString),
                    () -> assertFalse(result.all().contains(token), result::toString),
                    () -> assertTrue(result.err().contains("[token]"), result::toString));
        }
    }

    @Test
    void malformedTokenThenInvalidWithoutConnecting() {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "validate", "definitely-not-a-token");

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.out().startsWith("Invalid: this is not a Sessionkit token"), result::toString);
        assertEquals("", result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mysql"})
    void schemaPrintForADatabaseThenPrintsTheShippedScriptWithoutConnecting(String database) {
        Cli.Result result = cli.run("--jdbc-url", UNREACHABLE, "schema", "print", "--database", database);

        assertEquals(0, result.exit(), result::toString);
        assertEquals(SchemaScripts.forDatabase(database).orElseThrow().createScript(), result.out());
    }

    @Test
    void schemaPrintWithoutDatabaseThenTakesItFromTheJdbcUrl() {
        Cli.Result fromOption = cli.run("--jdbc-url", UNREACHABLE, "schema", "print");
        Cli.Result fromEnv = new Cli(MutableClock.atT0()).env("SESSIONKIT_JDBC_URL", NO_TABLES).run("schema", "print");

        assertEquals(SchemaScripts.forDatabase("postgresql").orElseThrow().createScript(), fromOption.out());
        assertEquals(SchemaScripts.forDatabase("h2").orElseThrow().createScript(), fromEnv.out());
    }

    @Test
    void schemaPrintWithNeitherDatabaseNorUrlThenUsageError() {
        Cli.Result result = cli.run("schema", "print");

        assertUsageError(result, "sessionkit schema print");
        assertTrue(result.err().contains("--database"), result::toString);
    }

    @Test
    void schemaPrintForUnknownDatabaseThenUsageErrorListingTheKnownOnes() {
        Cli.Result result = cli.run("schema", "print", "--database", "oracle");

        assertUsageError(result, "sessionkit schema print");
        assertTrue(result.err().contains("h2, postgresql, mysql"), result::toString);
    }

    static void assertUsageError(Cli.Result result, String command) {
        assertEquals(2, result.exit(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertOneLine(result.err());
        assertTrue(result.err().startsWith("sessionkit: "), result::toString);
        assertTrue(result.err().strip().endsWith("Try '" + command + " --help'."), result::toString);
    }

    static void assertOneLine(String err) {
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, () -> "not one line: " + err);
        assertFalse(err.contains("\tat "), () -> "stack trace: " + err);
    }
}
