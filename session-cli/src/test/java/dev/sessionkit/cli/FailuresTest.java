package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.config.DataSourceNotFoundException;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.StoreUnreachableException;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit status a script sees follows the failure's type, whatever key or cause it carries. */
class FailuresTest {

    private static final String SCRIPT = "/dev/sessionkit/store/jpa/schema-h2.sql";

    @Test
    void schemaIncompleteThenExit1() {
        assertEquals(1, code(new SchemaIncompleteException(List.of("table sessionkit_session"), SCRIPT, "missing")));
        assertEquals(1, code(new SchemaIncompleteException(List.of("table sessionkit_session"), SCRIPT,
                "creating failed", new SQLException("no right to create"))));
    }

    @Test
    void storeUnreachableThenExit3WithOrWithoutAnSqlCause() {
        assertEquals(3, code(new StoreUnreachableException("jdbc-url", "Cannot connect", new SQLException("down"))));
        assertEquals(3, code(new StoreUnreachableException("datasource", "Cannot get a connection",
                new IllegalStateException("pool closed"))));
    }

    @Test
    void dataSourceNotFoundThenExit2() {
        assertEquals(2, code(new DataSourceNotFoundException("jdbc/sessions", "Cannot find the DataSource",
                new IllegalStateException("no JNDI"))));
    }

    @Test
    void otherInvalidSettingThenExit2EvenWhenItsKeyIsSchemaOrItsCauseAnSqlException() {
        assertEquals(2, code(new InvalidSettingException("idle-timeout", "idle-timeout: 'soon' is no duration")));
        assertEquals(2, code(new InvalidSettingException("schema", "schema: unknown value 'drop'")));
        assertEquals(2, code(new InvalidSettingException("jdbc-url", "not supported", new SQLException("x"))));
    }

    @Test
    void storeFailingWhileAnsweringThenExit3() {
        assertEquals(3, code(new SessionStoreUnavailableException("store failed", new SQLException("gone"))));
    }

    @Test
    void cliExceptionThenItsOwnCode() {
        assertEquals(2, code(new CliException(ExitCode.USAGE, "no database given")));
        assertEquals(1, code(new CliException(ExitCode.NOT_FOUND, "unknown session id")));
    }

    private static int code(Throwable failure) {
        return Failures.exitCode(failure).code();
    }
}
