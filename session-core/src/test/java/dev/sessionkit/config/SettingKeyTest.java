package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SettingKeyTest {

    @Test
    void keysWhenListedThenMatchTheSpecTableInOrder() {
        // The SPEC table's core keys in its order, plus validation-cache-size after the latency it sizes and the
        // monitoring keys (issue 12) at the end; the web keys are session-servlet's (WebSettingKeyTest).
        List<String> keys = SettingKey.ALL.settings().stream().map(Setting::key).toList();
        assertEquals(List.of("jdbc-url", "jdbc-user", "jdbc-password", "datasource", "schema", "idle-timeout",
                "absolute-timeout", "max-sessions-per-user", "max-sessions-policy", "touch-interval",
                "cleanup-interval", "history-retention", "revocation-latency", "validation-cache-size", "geoip-database",
                "event-retention", "login-failure-window", "login-failures-per-account-address",
                "login-failures-per-address", "login-failures-per-account", "impossible-travel-speed",
                "risk-actions", "alert-link-secret", "privileged-session-max-age", "remember-me-lifetime",
                "remember-me-max-devices"), keys);
    }

    @Test
    void envNameWhenKeyHasDashesThenUpperSnakeWithPrefix() {
        assertEquals("SESSIONKIT_IDLE_TIMEOUT", SettingKey.IDLE_TIMEOUT.envName());
        assertEquals("SESSIONKIT_MAX_SESSIONS_PER_USER", SettingKey.MAX_SESSIONS_PER_USER.envName());
        assertEquals("SESSIONKIT_SCHEMA", SettingKey.SCHEMA.envName());
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void fromKeyWhenExactKeyThenFindsConstant(Setting<?> key) {
        assertEquals(Optional.of(key), SettingKey.fromKey(key.key()));
        assertEquals(key.envName(), "SESSIONKIT_" + key.key().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        assertEquals(key.key(), key.toString());
    }

    @Test
    void fromKeyWhenNotExactThenEmpty() {
        assertEquals(Optional.empty(), SettingKey.fromKey("IDLE-TIMEOUT"));
        assertEquals(Optional.empty(), SettingKey.fromKey(" idle-timeout"));
        assertEquals(Optional.empty(), SettingKey.fromKey("IDLE_TIMEOUT"));
        assertEquals(Optional.empty(), SettingKey.fromKey(""));
        assertEquals(Optional.empty(), SettingKey.fromKey(null));
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void secretWhenAskedThenOnlyThePasswordAndTheLinkSecret(Setting<?> key) {
        assertEquals(key == SettingKey.JDBC_PASSWORD || key == MonitoringSettingKeys.ALERT_LINK_SECRET,
                key.isSecret());
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void descriptionAndDefaultWhenDocumentedThenOneNonBlankLine(Setting<?> key) {
        assertFalse(key.description().isBlank());
        assertFalse(key.description().contains("\n"));
        assertFalse(key.documentedDefault().isBlank());
        assertFalse(key.documentedDefault().contains("\n"));
    }

    @Test
    void documentedDefaultWhenNoneOrNotedOrEmptyThenShownAsInSpec() {
        assertEquals("–", SettingKey.DATASOURCE.documentedDefault());
        assertEquals("`PT30M`", SettingKey.IDLE_TIMEOUT.documentedDefault());
        assertEquals("`0` (no limit)", SettingKey.MAX_SESSIONS_PER_USER.documentedDefault());
        assertEquals("`jdbc:h2:file:./data/sessionkit` (embedded H2, demo only)", SettingKey.JDBC_URL.documentedDefault());
        assertEquals("empty", SettingKey.JDBC_PASSWORD.documentedDefault());
        assertTrue(SettingKey.GEOIP_DATABASE.defaultValue().isEmpty());
        assertEquals(Optional.of(""), SettingKey.JDBC_PASSWORD.defaultValue());
    }

    @Test
    void catalogWhenTwoSettingsShareAKeyThenRefused() {
        Setting<String> copy = Setting.define("idle-timeout", SettingParsers.text()).defaultValue("x")
                .description("a second idle-timeout").build();
        assertThrows(IllegalArgumentException.class, () -> SettingKey.ALL.and(SettingCatalog.of(copy)));
        assertFalse(SettingKey.ALL.contains(copy), "found by identity, not by key");
    }
}
