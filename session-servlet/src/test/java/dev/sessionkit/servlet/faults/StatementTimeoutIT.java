package dev.sessionkit.servlet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that accepts connections but never answers: a real PostgreSQL lock in {@code ACCESS EXCLUSIVE} mode
 * blocks even reads of the session table. Validation must answer 503 once the statement timeout (10 s) cancels
 * the read, not hang for as long as the lock is held, and must serve again as soon as the lock goes.
 */
@ExtendWith(PostgresServer.Resolver.class)
class StatementTimeoutIT {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aReadBlockedForeverGets503AfterTheStatementTimeout(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url).jdbcUser("postgres")
                .schema(SchemaMode.CREATE).revocationLatency(Duration.ZERO).build();
        try (Sessionkit sessionkit = Sessionkit.builder(settings).build();
                JettyContainer jetty = new JettyContainer();
                QuietLogs quiet = QuietLogs.silence("org.eclipse.persistence", SessionFilter.class.getName())) {
            URI base = jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, WebSettings.builder().excludePaths(List.of("/login")).build())));
            Browser reader = new Browser(base);
            reader.login("reader", "user");

            Exchange blocked;
            try (Connection locker = DriverManager.getConnection(url, "postgres", "")) {
                locker.setAutoCommit(false);
                try (Statement lock = locker.createStatement()) {
                    lock.execute("LOCK TABLE sessionkit_session IN ACCESS EXCLUSIVE MODE");
                }
                long started = System.nanoTime();
                blocked = Exchange.of("app", "reader", started, reader.get("/app/x", "Accept", "application/json"));
                locker.rollback();
            }
            System.out.printf("Read blocked by a lock: answered %d after %d ms%n", blocked.status(),
                    blocked.latency().toMillis());

            assertTrue(blocked.isOutageAnswer(), "503 problem+json with Retry-After: " + blocked);
            assertTrue(blocked.latency().compareTo(STATEMENT_TIMEOUT.minusSeconds(1)) >= 0,
                    "answered because the statement timed out: " + blocked);
            assertTrue(blocked.latency().compareTo(STATEMENT_TIMEOUT.plusSeconds(5)) <= 0,
                    "answered within the statement timeout, not a hang: " + blocked);
            assertEquals(200, reader.get("/app/x").statusCode(), "served again once the lock is gone");
        }
    }
}
