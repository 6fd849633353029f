package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.CountingDataSource;
import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a request costs the database, counted statement by statement on a real PostgreSQL server: a valid
 * request inside the touch interval must cost one read and no write.
 */
@ExtendWith(PostgresServer.Resolver.class)
class RequestCostIT {

    @Test
    void aValidRequestInsideTheTouchIntervalCostsOneReadAndNoWrite(PostgresServer server) throws Exception {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(server.newDatabase());
        postgres.setUser("postgres");
        CountingDataSource counting = new CountingDataSource(postgres);
        MutableClock clock = MutableClock.atT0();
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder().schema(SchemaMode.CREATE)
                        .excludePaths(List.of("/login")).build())
                .dataSource(counting).clock(clock).build();
                JettyContainer jetty = new JettyContainer()) {
            URI base = jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit)));
            Browser browser = new Browser(base);
            browser.login("alice", "user");

            counting.reset();
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofSeconds(2));
                assertEquals(200, browser.get("/app/x").statusCode());
            }
            List<String> inside = counting.executed();

            counting.reset();
            clock.advance(Duration.ofMinutes(2));
            assertEquals(200, browser.get("/app/x").statusCode());
            List<String> afterInterval = counting.executed();

            assertEquals(20, inside.size(), "one statement per request: " + inside);
            assertTrue(inside.stream().allMatch(sql -> sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")),
                    inside.toString());
            assertEquals(2, afterInterval.size(), "one read and one conditional write: " + afterInterval);
            assertTrue(afterInterval.get(1).strip().toUpperCase(Locale.ROOT).startsWith("UPDATE"));
            System.out.println("Statements per valid request inside touch-interval: " + inside.get(0));
            System.out.println("Statements once touch-interval has passed: " + afterInterval);
        }
    }
}
