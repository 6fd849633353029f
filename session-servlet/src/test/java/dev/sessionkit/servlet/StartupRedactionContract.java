package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.ServerLog;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.servlet.testing.TestContainer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deployment that fails for its JDBC URL never writes the URL's password to the server log (issue 11): not in
 * Sessionkit's own line, not in the exception the container logs with its whole cause chain. Every URL points at
 * 127.0.0.1 port 1 (nothing listens there) or at a driver the test does not have, so nothing leaves the machine.
 */
abstract class StartupRedactionContract {

    private static final String SECRET = "S3cret";

    private TestContainer container;

    protected abstract TestContainer newContainer();

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:mysql://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://app:S3cret@127.0.0.1:1/db",
        "jdbc:h2:tcp://app:S3cret@127.0.0.1:1/db",
        "jdbc:postgresql://127.0.0.1:1/db?user=app&password=S3cret",
        "jdbc:h2:tcp://127.0.0.1:1/db;USER=app;PASSWORD=S3cret",
        "mysql://app:S3cret@127.0.0.1:1/db"})
    void aDeploymentFailingForItsJdbcUrlLogsWhyWithoutThePassword(String url) throws Exception {
        String log;
        try (ServerLog server = ServerLog.capture()) {
            container = newContainer();
            assertThrows(Exception.class, () -> container.start(new TestApp.FilterSetup.Declared(
                    Map.of("jdbc-url", url, "schema", "create"))));
            log = server.text();
        }

        assertTrue(log.contains("Sessionkit cannot start"), log);
        assertTrue(log.contains("127.0.0.1"), "the log still says where: " + log);
        assertFalse(log.contains(SECRET), log);
    }
}
