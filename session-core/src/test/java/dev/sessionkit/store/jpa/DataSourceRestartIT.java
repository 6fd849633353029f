package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.RestartablePostgres;
import dev.sessionkit.testing.Touches;
import dev.sessionkit.testing.UncheckedPooledDataSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a container's DataSource (Sessionkit does not own the pool) whose pool never checks its connections, PostgreSQL
 * restarts: the pool still holds the connection the restart cut. The first writes after the restart (a login under
 * the user's lock, a logout, an activity batch) must each succeed on their first call: Sessionkit checks the
 * connection before the transaction's first statement and takes a fresh one instead of failing.
 */
class DataSourceRestartIT {

    @Test
    void theFirstWritesAfterARestartSucceedThoughThePoolHoldsADeadConnection() {
        try (RestartablePostgres postgres = RestartablePostgres.launch()) {
            UncheckedPooledDataSource pool = new UncheckedPooledDataSource(postgres.newDatabase(), "postgres");
            try (JpaSessionStore store = JpaSessionStores.open(pool, SchemaMode.CREATE)) {
                SessionLimit limit = new SessionLimit(5, MaxSessionsPolicy.EVICT_OLDEST);
                SessionRecord before = aSession().ownedBy("alice").build();
                store.create(before, limit, T0);
                assertTrue(store.findById(before.id()).isPresent());
                int openedBefore = pool.opened();

                postgres.stop();
                postgres.start();

                // Each is the first of its kind after the restart, and none may fail.
                SessionRecord after = aSession().ownedBy("alice").build();
                assertEquals(after.id(), store.create(after, limit, T0).created().id(), "login");
                assertTrue(store.end(before.id(), EndReason.LOGOUT, T0.plusSeconds(1)).isPresent(), "logout");
                assertEquals(1, store.recordActivity(List.of(Touches.update(after.id(), T0.plusSeconds(2),
                        T0.plus(Duration.ofHours(1)), T0.plusSeconds(2)))), "activity batch");
                assertTrue(pool.opened() > openedBefore, "the dead connection was replaced by a fresh one");
            }
        }
    }
}
