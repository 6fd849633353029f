package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionkitSettingsTest {

    @Test
    void defaultsWhenNothingConfiguredThenSpecValues() {
        SessionkitSettings s = SessionkitSettings.defaults();
        assertEquals("jdbc:h2:file:./data/sessionkit", s.jdbcUrl());
        assertEquals("sa", s.jdbcUser());
        assertEquals("", s.jdbcPassword());
        assertEquals(Optional.empty(), s.datasource());
        assertEquals(SchemaMode.VALIDATE, s.schema());
        assertEquals(Duration.ofMinutes(30), s.idleTimeout());
        assertEquals(Duration.ofHours(24), s.absoluteTimeout());
        assertEquals(0, s.maxSessionsPerUser());
        assertEquals(MaxSessionsPolicy.EVICT_OLDEST, s.maxSessionsPolicy());
        assertEquals("sid", s.cookieName());
        assertTrue(s.cookieSecure());
        assertEquals(SameSite.LAX, s.cookieSameSite());
        assertEquals(Optional.empty(), s.loginPath());
        assertEquals(List.of(), s.excludePaths());
        assertEquals(List.of(), s.trustedProxies());
        assertEquals(Duration.ofSeconds(60), s.touchInterval());
        assertEquals(Duration.ofMinutes(15), s.cleanupInterval());
        assertEquals(Duration.ofDays(30), s.historyRetention());
        assertEquals("sessionkit-admin", s.adminRole());
        assertEquals(Duration.ofSeconds(1), s.revocationLatency());
        assertEquals("bid", s.browserIdCookie());
        assertEquals(Optional.empty(), s.geoipDatabase());
        assertFalse(s.adoptContainerLogin());
        assertEquals(CrossSiteLogin.REFUSE, s.crossSiteLogin());
    }

    @ParameterizedTest
    @EnumSource(SettingKey.class)
    void defaultsWhenWrittenBackThenMatchTheDocumentedDefault(SettingKey key) {
        String expected = key.defaultValue()
                .map(text -> SettingExamples.valueOf(SettingExamples.resolve(Map.of(key.key(), text)), key))
                .orElse("");
        assertEquals(expected, SettingExamples.valueOf(SessionkitSettings.defaults(), key));
    }

    @Test
    void resolveWhenNoSourcesThenDefaults() {
        assertEquals(SessionkitSettings.defaults(), SettingsResolver.resolve(List.of()));
    }

    @ParameterizedTest
    @EnumSource(SettingKey.class)
    void equalsWhenOneKeyDiffersThenNotEqualElseEqual(SettingKey key) {
        SessionkitSettings changed = SettingExamples.resolve(Map.of(key.key(), SettingExamples.twoValues(key).get(0)));
        SessionkitSettings same = SettingExamples.resolve(Map.of(key.key(), SettingExamples.twoValues(key).get(0)));
        assertNotEquals(SessionkitSettings.defaults(), changed);
        assertEquals(same, changed);
        assertEquals(same.hashCode(), changed.hashCode());
        assertEquals(changed, changed.toBuilder().build());
    }

    @Test
    void toBuilderWhenChangedThenOriginalUntouched() {
        SessionkitSettings original = SessionkitSettings.defaults();
        SessionkitSettings changed = original.toBuilder().idleTimeout(Duration.ofMinutes(5)).build();
        assertEquals(Duration.ofMinutes(30), original.idleTimeout());
        assertEquals(Duration.ofMinutes(5), changed.idleTimeout());
        assertNotSame(original, changed);
    }

    @Test
    void builderWhenTypedValuesSetThenAccessorsReturnThem() {
        IpRange proxies = IpRange.parse("10.0.0.0/8");
        SessionkitSettings s = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://db/app").jdbcUser("app").jdbcPassword("pw").datasource("jdbc/x")
                .schema(SchemaMode.CREATE).idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofHours(8))
                .maxSessionsPerUser(3).maxSessionsPolicy(MaxSessionsPolicy.REJECT).cookieName("s")
                .cookieSecure(true).cookieSameSite(SameSite.NONE).loginPath("/login")
                .excludePaths(List.of("/login", "/static/*")).trustedProxies(List.of(proxies))
                .touchInterval(Duration.ZERO).cleanupInterval(Duration.ofMinutes(1)).historyRetention(Duration.ZERO)
                .adminRole("ops").revocationLatency(Duration.ZERO).browserIdCookie("b")
                .geoipDatabase(Path.of("city.mmdb")).adoptContainerLogin(true)
                .crossSiteLogin(CrossSiteLogin.ALLOW).build();
        assertEquals("jdbc:postgresql://db/app", s.jdbcUrl());
        assertEquals("app", s.jdbcUser());
        assertEquals("pw", s.jdbcPassword());
        assertEquals(Optional.of("jdbc/x"), s.datasource());
        assertEquals(SchemaMode.CREATE, s.schema());
        assertEquals(3, s.maxSessionsPerUser());
        assertEquals(MaxSessionsPolicy.REJECT, s.maxSessionsPolicy());
        assertEquals(SameSite.NONE, s.cookieSameSite());
        assertEquals(Optional.of("/login"), s.loginPath());
        assertEquals(List.of("/login", "/static/*"), s.excludePaths());
        assertEquals(List.of(proxies), s.trustedProxies());
        assertEquals(Duration.ZERO, s.touchInterval());
        assertEquals("ops", s.adminRole());
        assertEquals("b", s.browserIdCookie());
        assertEquals(Optional.of(Path.of("city.mmdb")), s.geoipDatabase());
        assertTrue(s.adoptContainerLogin());
        assertEquals(CrossSiteLogin.ALLOW, s.crossSiteLogin());
        assertEquals(s, s.toBuilder().build());
    }

    @Test
    void builderWhenOptionalSetToNullThenUnset() {
        SessionkitSettings withAll = SessionkitSettings.builder().datasource("jdbc/x").loginPath("/login")
                .geoipDatabase(Path.of("a.mmdb")).build();
        SessionkitSettings cleared = withAll.toBuilder().datasource(null).loginPath(null).geoipDatabase(null).build();
        assertEquals(SessionkitSettings.defaults(), cleared);
    }

    @Test
    void builderWhenRequiredValueNullThenNullPointerException() {
        SessionkitSettingsBuilder b = SessionkitSettings.builder();
        assertThrows(NullPointerException.class, () -> b.idleTimeout(null));
        assertThrows(NullPointerException.class, () -> b.jdbcUrl(null));
        assertThrows(NullPointerException.class, () -> b.cookieSameSite(null));
        assertThrows(NullPointerException.class, () -> b.excludePaths(null));
    }

    @Test
    void listsWhenCallerMutatesOrReadsThenSettingsStayImmutable() {
        List<String> paths = new ArrayList<>(List.of("/login"));
        SessionkitSettingsBuilder b = SessionkitSettings.builder().excludePaths(paths);
        paths.add("/other");
        SessionkitSettings s = b.build();
        assertEquals(List.of("/login"), s.excludePaths());
        assertThrows(UnsupportedOperationException.class, () -> s.excludePaths().add("/x"));
        assertThrows(UnsupportedOperationException.class, () -> s.trustedProxies().clear());
    }

    @Test
    void toStringWhenPasswordSetThenRedactedEverywhere() {
        SessionkitSettings s = SessionkitSettings.builder().jdbcPassword(SettingExamples.PASSWORD)
                .jdbcUrl("jdbc:postgresql://app:" + SettingExamples.PASSWORD + "@db/app?password="
                        + SettingExamples.PASSWORD + "&ssl=true")
                .build();
        String text = s.toString();
        assertFalse(text.contains(SettingExamples.PASSWORD), text);
        assertTrue(text.contains("jdbc-password=****"), text);
        assertTrue(text.contains("jdbc:postgresql://app:****@db/app?password=****&ssl=true"), text);
        assertTrue(text.contains("idle-timeout=PT30M"), text);
    }

    @Test
    void toStringWhenPasswordEmptyThenShownEmpty() {
        assertTrue(SessionkitSettings.defaults().toString().contains("jdbc-password=,"));
    }
}
