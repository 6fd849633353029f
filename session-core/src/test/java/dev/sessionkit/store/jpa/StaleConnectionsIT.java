package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.RestartablePostgres;
import dev.sessionkit.testing.Sessions;
import dev.sessionkit.testing.Touches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sessionkit's own pool is full of connections when PostgreSQL restarts, and nothing uses them while it is down: every
 * one of them is dead when it accepts connections again. The first logins (under the user's row lock), logouts,
 * activity batches and reads after the restart must each succeed on their first call, whichever pooled connection
 * they draw. They used to fail, one per dead connection: EclipseLink does not retry a write, and with a statement
 * timeout it does not even recognise a connection's first failure as a broken connection.
 */
class StaleConnectionsIT {

    private static final int CLIENTS = 16;
    private static final SessionLimit LIMIT = new SessionLimit(100, MaxSessionsPolicy.EVICT_OLDEST);

    @Test
    void everyFirstCallAfterARestartSucceedsThoughEveryPooledConnectionDied() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (RestartablePostgres postgres = RestartablePostgres.launch();
                JpaSessionStore store = JpaSessionStores.open(postgres.newDatabase(), "postgres", "",
                        SchemaMode.CREATE)) {
            // Fill both pools: many writes and reads at once, so that many connections are open.
            List<SessionRecord> before = new ArrayList<>();
            List<Sessions> builders = new ArrayList<>();
            for (int i = 0; i < CLIENTS * 4; i++) {
                Sessions builder = aSession().ownedBy("user-" + (i % CLIENTS));
                builders.add(builder);
                before.add(builder.build());
            }
            run(clients, before.stream().<Callable<Object>>map(s -> () -> store.create(s, LIMIT, T0)).toList());
            run(clients, builders.stream().<Callable<Object>>map(b -> () -> store.findByTokenHash(
                    b.token().hash())).toList());

            postgres.stop();
            postgres.start();

            List<Callable<Object>> firstCalls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                SessionRecord login = aSession().ownedBy("user-" + i).build();
                SessionRecord logout = before.get(i);
                Sessions reader = builders.get(CLIENTS + i);
                SessionRecord active = before.get(CLIENTS * 2 + i);
                firstCalls.add(() -> store.create(login, LIMIT, T0.plusSeconds(1)));
                firstCalls.add(() -> store.end(logout.id(), EndReason.LOGOUT, T0.plusSeconds(1)).orElseThrow());
                firstCalls.add(() -> store.findByTokenHash(reader.token().hash()).orElseThrow());
                firstCalls.add(() -> store.recordActivity(List.of(Touches.update(active.id(),
                        T0.plusSeconds(2), T0.plus(Duration.ofHours(1)), T0.plusSeconds(2)))));
            }
            List<String> failures = run(clients, firstCalls);
            assertEquals(List.of(), failures, "no call failed after the restart");
        } finally {
            clients.shutdownNow();
        }
    }

    /** Runs the calls at once and returns the failures, each once, without retrying any. */
    private static List<String> run(ExecutorService clients, List<Callable<Object>> calls) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Future<Object> result : clients.invokeAll(calls)) {
            try {
                result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(causeChain(e.getCause()));
            }
        }
        return failures;
    }

    /** The failure and its causes, so that a failed run says which error the database gave. */
    private static String causeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }
}
