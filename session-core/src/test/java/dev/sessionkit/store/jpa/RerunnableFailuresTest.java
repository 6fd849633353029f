package dev.sessionkit.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RerunnableFailuresTest {

    @ParameterizedTest(name = "SQLState {0}: a read runs {1} times, a write {2}")
    @CsvSource({
            "40001, 3, 3", // MariaDB/MySQL deadlock victim (error 1213), serialization failure
            "40P01, 3, 3", // PostgreSQL deadlock detected
            "08006, 2, 1", // PostgreSQL I/O error: connection lost
            "08003, 2, 1", // connection does not exist
            "08001, 1, 1", // could not connect (refused): the same again, so no rerun during an outage
            "08004, 1, 1", // the server rejected the connection
            "57P01, 2, 1", // PostgreSQL "terminating connection due to administrator command"
            "57014, 1, 1", // PostgreSQL statement timeout: running again only doubles the wait
            "70100, 1, 1", // MariaDB max_statement_time exceeded
            "23505, 1, 1", // unique violation: the same statement fails the same way
            "HY000, 1, 1", // MariaDB lock wait timeout (1205) and other general errors
    })
    void attemptsDependOnTheSqlStateAndOnWhetherTheCallWrites(String state, int readAttempts, int writeAttempts) {
        // Wrapped as EclipseLink hands it over: the SQLException is a cause, not the thrown exception.
        RuntimeException failure = new PersistenceException("Exception [EclipseLink-4002]",
                new RuntimeException("internal", new SQLException("driver says no", state)));

        assertEquals(readAttempts, RerunnableFailures.attempts(failure, false), "read");
        assertEquals(writeAttempts, RerunnableFailures.attempts(failure, true), "write");
    }

    @Test
    void theFirstSqlStateInTheChainDecides() {
        SQLException timeout = new SQLTimeoutException("interrupted", "70100");
        timeout.initCause(new SQLTransactionRollbackException("older", "40001"));

        assertEquals(1, RerunnableFailures.attempts(new PersistenceException(timeout), true));
    }

    @Test
    void aCauseChainThatLoopsBackEndsTheSearchAndRunsOnce() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertEquals(1, RerunnableFailures.attempts(first, false));
    }

    @Test
    void aFailureWithoutSqlStateRunsOnce() {
        assertEquals(1, RerunnableFailures.attempts(new PersistenceException("no cause"), false));
        assertEquals(1, RerunnableFailures.attempts(new PersistenceException(new SQLException("no state")), false));
    }
}
