package dev.sessionkit.servlet.testing;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.WebSettings;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The Sessionkit the container-login adoption tests run: a fresh H2 database and adopt-container-login on. */
public final class AdoptingSessionkit {

    private AdoptingSessionkit() {
    }

    public static Sessionkit start(Clock clock) {
        return Sessionkit.builder(SessionkitSettings.builder()
                        .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .schema(SchemaMode.CREATE)
                        .build())
                .clock(clock).build();
    }

    /** The filter's settings for these tests: the public pages let through, adopt-container-login on. */
    public static WebSettings web() {
        return WebSettings.builder().excludePaths(List.of("/public/*", "/login")).adoptContainerLogin(true).build();
    }
}
