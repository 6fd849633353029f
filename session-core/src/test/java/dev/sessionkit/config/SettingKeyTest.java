package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingKeyTest {

    @Test
    void keysWhenListedThenMatchTheSpecTableInOrder() {
        List<String> keys = Arrays.stream(SettingKey.values()).map(SettingKey::key).toList();
        assertEquals(List.of("jdbc-url", "jdbc-user", "jdbc-password", "datasource", "schema", "idle-timeout",
                "absolute-timeout", "max-sessions-per-user", "max-sessions-policy", "cookie-name", "cookie-secure",
                "cookie-same-site", "login-path", "exclude-paths", "trusted-proxies", "touch-interval",
                "cleanup-interval", "history-retention", "admin-role", "revocation-latency", "browser-id-cookie",
                "geoip-database", "adopt-container-login", "cross-site-login"), keys);
    }

    @Test
    void envNameWhenKeyHasDashesThenUpperSnakeWithPrefix() {
        assertEquals("SESSIONKIT_IDLE_TIMEOUT", SettingKey.IDLE_TIMEOUT.envName());
        assertEquals("SESSIONKIT_MAX_SESSIONS_PER_USER", SettingKey.MAX_SESSIONS_PER_USER.envName());
        assertEquals("SESSIONKIT_SCHEMA", SettingKey.SCHEMA.envName());
    }

    @ParameterizedTest
    @EnumSource(SettingKey.class)
    void fromKeyWhenExactKeyThenFindsConstant(SettingKey key) {
        assertEquals(Optional.of(key), SettingKey.fromKey(key.key()));
        assertEquals(key.envName(), "SESSIONKIT_" + key.name());
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
    @EnumSource(SettingKey.class)
    void secretWhenAskedThenOnlyThePassword(SettingKey key) {
        assertEquals(key == SettingKey.JDBC_PASSWORD, key.isSecret());
    }

    @ParameterizedTest
    @EnumSource(SettingKey.class)
    void descriptionAndDefaultWhenDocumentedThenOneNonBlankLine(SettingKey key) {
        assertFalse(key.description().isBlank());
        assertFalse(key.description().contains("\n"));
        assertFalse(key.documentedDefault().isBlank());
        assertFalse(key.documentedDefault().contains("\n"));
    }

    @Test
    void documentedDefaultWhenNoneOrNotedOrEmptyThenShownAsInSpec() {
        assertEquals("–", SettingKey.DATASOURCE.documentedDefault());
        assertEquals("–", SettingKey.TRUSTED_PROXIES.documentedDefault());
        assertEquals("`PT30M`", SettingKey.IDLE_TIMEOUT.documentedDefault());
        assertEquals("`0` (no limit)", SettingKey.MAX_SESSIONS_PER_USER.documentedDefault());
        assertEquals("`sid` (sent as `__Host-sid` when secure)", SettingKey.COOKIE_NAME.documentedDefault());
        assertEquals("empty", SettingKey.JDBC_PASSWORD.documentedDefault());
        assertTrue(SettingKey.GEOIP_DATABASE.defaultValue().isEmpty());
        assertEquals(Optional.of(""), SettingKey.JDBC_PASSWORD.defaultValue());
    }
}
