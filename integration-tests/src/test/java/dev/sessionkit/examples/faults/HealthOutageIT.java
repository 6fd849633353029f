package dev.sessionkit.examples.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.examples.DemoServer;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.testing.FreezableRelay;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's {@code GET /health} from outside, with its PostgreSQL behind a relay that is then cut: 200 UP while
 * the database answers, 503 DOWN with a reason (and still no URL) once it does not, never a 500.
 */
@ExtendWith(PostgresServer.Resolver.class)
class HealthOutageIT {

    @Test
    @SuppressWarnings("try") // DemoServer.close() may throw InterruptedException; the test lets it fail the test
    void healthWhenTheDatabaseIsCutThen503DownWithAReason(PostgresServer postgres) throws Exception {
        String direct = postgres.newDatabase();
        int port = URI.create(direct.substring("jdbc:".length())).getPort();
        Path data = Files.createTempDirectory("sessionkit-health");
        try (FreezableRelay relay = FreezableRelay.to(port); DemoServer demo = new DemoServer()) {
            String viaRelay = direct.replace(":" + port + "/", ":" + relay.port() + "/");
            URI base = demo.start("127.0.0.1", 0, Map.of("jdbc-url", viaRelay, "jdbc-user", "postgres",
                    "schema", "create", "sessionkit.demo.data", data.toString()));
            Browser monitor = new Browser(base);
            assertEquals(200, monitor.get("/health").statusCode());

            relay.close();
            HttpResponse<String> down = monitor.get("/health");
            for (int i = 0; i < 40 && down.statusCode() == 200; i++) {
                Thread.sleep(250);
                down = monitor.get("/health");
            }

            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().startsWith("{\"status\":\"DOWN\",\"problem\":\"The session store cannot answer"),
                    down.body());
            assertTrue(!down.body().contains("jdbc:") && !down.body().contains("postgres"), down.body());
        }
    }
}
