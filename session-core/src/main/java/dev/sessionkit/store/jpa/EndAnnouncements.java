package dev.sessionkit.store.jpa;

import dev.sessionkit.session.SessionRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Announces ends on the channel of ended sessions inside the transaction that commits them, where the database
 * has one: PostgreSQL then delivers the announcement if and only if the end committed, in commit order, which is
 * what lets other nodes' caches trust their entries for longer than {@code revocation-latency}.
 */
final class EndAnnouncements {

    private final boolean enabled;

    EndAnnouncements(SqlDialect dialect) {
        this.enabled = dialect.hasNotifyChannel();
    }

    /** Announces the sessions this transaction ended; fails the transaction when it cannot. */
    <T extends Collection<SessionRecord>> T announce(EntityManager em, T ended) {
        if (!enabled || ended.isEmpty()) {
            return ended;
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement notify = connection.prepareStatement(SessionSql.NOTIFY)) {
            for (String payload : ChannelPayloads.of(ended.stream().map(SessionRecord::id).toList())) {
                notify.setString(1, SessionSql.CHANNEL);
                notify.setString(2, payload);
                notify.executeQuery().close();
            }
            return ended;
        } catch (SQLException e) {
            // Transactions turns this into SessionStoreUnavailableException; the end rolls back with it.
            throw new PersistenceException("Announcing ended sessions failed: " + e.getMessage(), e);
        }
    }
}
