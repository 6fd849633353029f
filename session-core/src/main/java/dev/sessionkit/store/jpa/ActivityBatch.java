package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.store.ActivityUpdate;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes many sessions' activity as one JDBC batch of the conditional update {@link SessionSql#RECORD_ACTIVITY}:
 * one round trip for the lot instead of one per session. JPQL bulk updates cannot be batched, hence plain JDBC on
 * the transaction's own connection.
 */
final class ActivityBatch {

    private ActivityBatch() {
    }

    /** Runs the batch on a connection inside the caller's transaction and returns how many rows it updated. */
    static int write(Connection connection, List<ActivityUpdate> updates) {
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
