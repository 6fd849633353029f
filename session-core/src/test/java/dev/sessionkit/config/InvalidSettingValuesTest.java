package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
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
    private static final Set<SettingKey> ANY_TEXT = EnumSet.of(SettingKey.JDBC_USER, SettingKey.JDBC_PASSWORD,
            SettingKey.DATASOURCE, SettingKey.ADMIN_ROLE);

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
                bad("cookie-name", "s id"),
                bad("cookie-name", "__Host-sid"),
                bad("cookie-name", "__secure-sid"),
                bad("cookie-name", "sid;"),
                bad("cookie-name", "a=b"),
                bad("cookie-name", "sïd"),
                bad("cookie-name", "bid", "browser-id-cookie"),
                bad("cookie-secure", "yes"),
                bad("cookie-secure", "1"),
                bad("cookie-secure", "on"),
                bad("cookie-same-site", "lazy"),
                bad("cookie-same-site", "strict-ish"),
                bad("login-path", "login"),
                bad("login-path", "//evil.example"),
                bad("login-path", "/\\evil.example"),
                bad("login-path", "/log in"),
                bad("login-path", "/login/*"),
                bad("exclude-paths", "static/*"),
                bad("exclude-paths", "/ok, static"),
                bad("exclude-paths", "/static/*/x"),
                bad("exclude-paths", "/*.css"),
                bad("trusted-proxies", "localhost"),
                bad("trusted-proxies", "proxy.example.com"),
                bad("trusted-proxies", "10.0.0.1/8"),
                bad("trusted-proxies", "10.0.0.0/33"),
                bad("trusted-proxies", "::1/129"),
                bad("trusted-proxies", "fe80::1%eth0"),
                bad("trusted-proxies", "10.0.0.0/8, 1.2.3"),
                bad("touch-interval", "-1s"),
                bad("touch-interval", "PT30M"),
                bad("touch-interval", "PT1H"),
                bad("cleanup-interval", "0s"),
                bad("cleanup-interval", "PT0S"),
                bad("history-retention", "-PT1S"),
                bad("history-retention", "forever"),
                bad("revocation-latency", "-1s"),
                bad("revocation-latency", "soon"),
                bad("browser-id-cookie", "sid"),
                bad("browser-id-cookie", "SID"),
                bad("browser-id-cookie", "__Host-bid"),
                bad("browser-id-cookie", "b id"),
                bad("geoip-database", "city\u0000.mmdb"),
                bad("adopt-container-login", "yes"),
                bad("adopt-container-login", "maybe"),
                bad("cross-site-login", "true"),
                bad("cross-site-login", "sometimes"));
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
        for (SettingKey key : SettingKey.values()) {
            assertEquals(!ANY_TEXT.contains(key), covered.contains(key.key()), key.key());
        }
    }

    @Test
    void crossRuleWhenSameSiteNoneWithoutSecureThenNamesSameSite() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SettingExamples.resolve(
                Map.of("cookie-same-site", "None", "cookie-secure", "false")));
        assertEquals("cookie-same-site", e.key());
        assertTrue(e.getMessage().contains("cookie-secure=true"), e.getMessage());
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
    void trustedProxiesWhenInvalidThenCauseChainedAndHostNamesMentioned() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of("trusted-proxies", "localhost")));
        assertTrue(e.getCause() instanceof IllegalArgumentException);
        assertTrue(e.getMessage().contains("host names are not accepted"), e.getMessage());
    }

    @Test
    void builderWhenDatasourceOrAdminRoleBlankThenInvalidSetting() {
        assertEquals("datasource", assertThrows(InvalidSettingException.class,
                () -> SessionkitSettings.builder().datasource(" ").build()).key());
        assertEquals("admin-role", assertThrows(InvalidSettingException.class,
                () -> SessionkitSettings.builder().adminRole("\t").build()).key());
    }
}
