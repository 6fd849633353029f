package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.store.ActivityUpdate;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Writes many sessions' activity in one round trip: on PostgreSQL one statement from arrays
 * ({@link SessionSql#RECORD_ACTIVITY_ARRAYS}), elsewhere one JDBC batch of the conditional update
 * {@link SessionSql#RECORD_ACTIVITY}. JPQL bulk updates cannot be batched, hence plain JDBC on
 * the transaction's own connection.
 */
final class ActivityBatch {

    private ActivityBatch() {
    }

    /** Runs the batch on a connection inside the caller's transaction and returns how many rows it updated. */
    static int write(Connection connection, SqlDialect dialect, List<ActivityUpdate> updates) {
        return dialect.updatesFromArrays() ? writeAsArrays(connection, updates) : writeAsBatch(connection, updates);
    }

    /** One statement for the lot, from arrays, on databases that have them. */
    private static int writeAsArrays(Connection connection, List<ActivityUpdate> updates) {
        try (PreparedStatement statement = connection.prepareStatement(SessionSql.RECORD_ACTIVITY_ARRAYS)) {
            statement.setQueryTimeout((int) JpaSessionStores.STATEMENT_TIMEOUT.toSeconds());
            statement.setArray(1, connection.createArrayOf("varchar",
                    updates.stream().map(u -> u.id().value()).toArray()));
            statement.setArray(2, instants(connection, updates.stream().map(ActivityUpdate::at).toList()));
            statement.setArray(3, instants(connection, updates.stream().map(ActivityUpdate::idleExpiresAt).toList()));
            statement.setArray(4, instants(connection, updates.stream().map(ActivityUpdate::staleBefore).toList()));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Activity update failed: " + e.getMessage(), e);
        }
    }

    /** ISO-8601 text with its zone, which PostgreSQL reads exactly as a timestamptz (to the microsecond). */
    private static Array instants(Connection connection, List<Instant> instants) throws SQLException {
        return connection.createArrayOf("varchar", instants.stream().map(Instant::toString).toArray());
    }

    private static int writeAsBatch(Connection connection, List<ActivityUpdate> updates) {
        try (PreparedStatement statement = connection.prepareStatement(SessionSql.RECORD_ACTIVITY)) {
            statement.setQueryTimeout((int) JpaSessionStores.STATEMENT_TIMEOUT.toSeconds());
            for (ActivityUpdate update : updates) {
                statement.setObject(1, utc(update.at()));
                statement.setObject(2, utc(update.idleExpiresAt()));
                statement.setString(3, update.id().value());
                statement.setObject(4, utc(update.staleBefore()));
                statement.setObject(5, utc(update.at()));
                statement.addBatch();
            }
            int written = 0;
            for (int count : statement.executeBatch()) {
                // Drivers may report "done, count unknown" for batched statements; count those as written.
                if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                    written++;
                }
            }
            return written;
        } catch (SQLException e) {
            // Transactions turns this into SessionStoreUnavailableException, like every other store failure.
            throw new PersistenceException("Activity batch failed: " + e.getMessage(), e);
        }
    }
}
