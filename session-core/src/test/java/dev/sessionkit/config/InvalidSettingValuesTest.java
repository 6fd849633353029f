package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejected text of every key, through the resolver as operators meet it. */
class InvalidSettingValuesTest {

    /** Keys for which no non-blank text is wrong: any user, password, JNDI name or role name is accepted. */
    private static final Set<Setting<?>> ANY_TEXT = Set.of(SettingKey.JDBC_USER, SettingKey.JDBC_PASSWORD,
            SettingKey.DATASOURCE);

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("jdbc-url", "postgresql://db/app"),
                bad("jdbc-url", "h2:mem:x"),
                bad("schema", "drop"),
                bad("schema", "creat"),
                bad("schema", "validate!"),
                bad("idle-timeout", "0"),
                bad("idle-timeout", "PT0S"),
                bad("idle-timeout", "-5m"),
                bad("idle-timeout", "30"),
                bad("idle-timeout", "PT-1S"),
                bad("idle-timeout", "P36501D"),
                bad("absolute-timeout", "0s"),
                bad("absolute-timeout", "1y"),
                bad("max-sessions-per-user", "-1"),
                bad("max-sessions-per-user", "1.5"),
                bad("max-sessions-per-user", "abc"),
                bad("max-sessions-per-user", "99999999999"),
                bad("max-sessions-per-user", "5 sessions"),
                bad("max-sessions-policy", "evict"),
                bad("max-sessions-policy", "oldest"),
                bad("touch-interval", "-1s"),
                bad("touch-interval", "PT30M"),
                bad("touch-interval", "PT1H"),
                bad("cleanup-interval", "0s"),
                bad("cleanup-interval", "PT0S"),
                bad("history-retention", "-PT1S"),
                bad("history-retention", "forever"),
                bad("revocation-latency", "-1s"),
                bad("revocation-latency", "soon"),
                bad("validation-cache-size", "512KB"),
                bad("validation-cache-size", "0"),
                bad("validation-cache-size", "lots"),
                bad("validation-cache-size", "-64MB"),
                bad("validation-cache-size", "99999999GB"),
                bad("geoip-database", "city\u0000.mmdb"),
                bad("event-retention", "-1d"),
                bad("event-retention", "a while"),
                bad("login-failure-window", "0s"),
                bad("login-failure-window", "15"),
                bad("login-failures-per-account-address", "0"),
                bad("login-failures-per-account-address", "many"),
                bad("login-failures-per-address", "-5"),
                bad("login-failures-per-account", "1e3"),
                bad("impossible-travel-speed", "0"),
                bad("impossible-travel-speed", "900 km/h"),
                bad("risk-actions", "new-device"),
                bad("risk-actions", "new-device=block"),
                bad("risk-actions", "new-place=notify"),
                bad("risk-actions", "new-device=throttle"),
                bad("alert-link-secret", "too-short"),
                bad("privileged-session-max-age", "-PT1M"),
                bad("privileged-session-max-age", "fifteen minutes"),
                bad("remember-me-lifetime", "0s"),
                bad("remember-me-lifetime", "a month"),
                bad("remember-me-max-devices", "0"),
                bad("remember-me-max-devices", "ten"));
    }

    private static Arguments bad(String key, String value) {
        return bad(key, value, key);
    }

    private static Arguments bad(String key, String value, String expectedKey) {
        return Arguments.of(key, value, expectedKey);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void resolveWhenValueBadThenInvalidSettingNamingKeyAndNeverThePassword(String key, String value,
            String expectedKey) {
        Map<String, String> params = new HashMap<>(Map.of(key, value));
        params.put("jdbc-password", SettingExamples.PASSWORD);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(params));
        assertEquals(expectedKey, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedKey), e.getMessage());
        assertTrue(e.getMessage().contains("init-param"), e.getMessage());
        assertFalse(e.getMessage().contains(SettingExamples.PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u0000"), e.getMessage());
    }

    @Test
    void badValuesWhenListedThenCoverEveryKeyThatCanBeWrongAsText() {
        Set<String> covered = badValues().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        for (Setting<?> key : SettingKey.ALL.settings()) {
            assertEquals(!ANY_TEXT.contains(key), covered.contains(key.key()), key.key());
        }
    }

    @Test
    void jdbcUrlWhenInvalidAndCarryingPasswordThenPasswordRedactedInMessage() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SettingExamples.resolve(
                Map.of("jdbc-url", "postgresql://app:" + SettingExamples.PASSWORD + "@db/app?password="
                        + SettingExamples.PASSWORD)));
        assertEquals("jdbc-url", e.key());
        assertFalse(e.getMessage().contains(SettingExamples.PASSWORD), e.getMessage());
    }

    @Test
    void durationWhenMalformedThenCauseChainedAndBothFormsNamed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of("idle-timeout", "PTxM")));
        assertTrue(e.getCause() instanceof java.time.format.DateTimeParseException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().contains("PT30M") && e.getMessage().contains("30m"), e.getMessage());
    }

    @Test
    void builderWhenDatasourceBlankThenInvalidSetting() {
        assertEquals("datasource", assertThrows(InvalidSettingException.class,
                () -> SessionkitSettings.builder().datasource(" ").build()).key());
    }
}
