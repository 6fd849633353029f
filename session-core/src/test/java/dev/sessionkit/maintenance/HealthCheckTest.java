package dev.sessionkit.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The health check on the JPA store over embedded H2: up, then down once the database is gone. */
class HealthCheckTest {

    @Test
    void healthWhenTheDatabaseAnswersThenUpAndWhenItIsGoneThenDownWithAReason() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url)
                .schema(SchemaMode.CREATE).build()).build()) {
            sessionkit.service().login(new SessionPrincipal("alice", "alice", Set.of()), ClientInfo.unknown());

            Health up = sessionkit.health();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            Health down = sessionkit.health();

            assertTrue(up.up(), up.toString());
            assertEquals(Optional.empty(), up.problem());
            assertEquals(Optional.empty(), up.lastCleanup(), "no scheduled run yet");
            assertFalse(down.up());
            assertTrue(down.problem().orElseThrow().startsWith("The session store cannot answer"), down.toString());
            assertFalse(down.toString().contains(url), "no URL in what a health page shows");
        }
    }
}
