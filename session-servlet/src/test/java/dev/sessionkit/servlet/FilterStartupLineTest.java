package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sessionkit.config.SessionkitSettings;
import org.junit.jupiter.api.Test;

/** The one INFO line a successful start logs: where sessions live and the shaping settings, never a secret. */
class FilterStartupLineTest {

    @Test
    void startedWhenTheUrlCarriesAPasswordThenItIsMaskedAndTheSettingsNamed() {
        SessionkitSettings settings = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://db:5432/app?user=app&password=hunter2").jdbcPassword("s3cret").build();

        String line = FilterStartup.started("/shop", settings, WebSettings.builder().loginPath("/login").build());

        assertFalse(line.contains("hunter2") || line.contains("s3cret"), line);
        assertEquals("Sessionkit started for /shop: sessions in " + dev.sessionkit.config.CredentialRedactor
                .of(settings).redact(settings.jdbcUrl()) + " (schema=validate), idle-timeout=PT30M,"
                + " absolute-timeout=PT24H, revocation-latency=PT1S, login-path=/login, cookie __Host-sid", line);
    }
}
