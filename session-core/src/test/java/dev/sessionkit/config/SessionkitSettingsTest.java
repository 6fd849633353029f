package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        assertEquals(Duration.ofSeconds(60), s.touchInterval());
        assertEquals(Duration.ofMinutes(15), s.cleanupInterval());
        assertEquals(Duration.ofDays(30), s.historyRetention());
        assertEquals(Duration.ofSeconds(1), s.revocationLatency());
        assertEquals(Optional.empty(), s.geoipDatabase());
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void defaultsWhenWrittenBackThenMatchTheDocumentedDefault(Setting<?> key) {
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
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void equalsWhenOneKeyDiffersThenNotEqualElseEqual(Setting<?> key) {
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
        SessionkitSettings s = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://db/app").jdbcUser("app").jdbcPassword("pw").datasource("jdbc/x")
                .schema(SchemaMode.CREATE).idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofHours(8))
                .maxSessionsPerUser(3).maxSessionsPolicy(MaxSessionsPolicy.REJECT)
                .touchInterval(Duration.ZERO).cleanupInterval(Duration.ofMinutes(1)).historyRetention(Duration.ZERO)
                .revocationLatency(Duration.ZERO)
                .geoipDatabase(Path.of("city.mmdb")).build();
        assertEquals("jdbc:postgresql://db/app", s.jdbcUrl());
        assertEquals("app", s.jdbcUser());
        assertEquals("pw", s.jdbcPassword());
        assertEquals(Optional.of("jdbc/x"), s.datasource());
        assertEquals(SchemaMode.CREATE, s.schema());
        assertEquals(3, s.maxSessionsPerUser());
        assertEquals(MaxSessionsPolicy.REJECT, s.maxSessionsPolicy());
        assertEquals(Duration.ZERO, s.touchInterval());
        assertEquals(Optional.of(Path.of("city.mmdb")), s.geoipDatabase());
        assertEquals(s, s.toBuilder().build());
    }

    @Test
    void builderWhenOptionalSetToNullThenUnset() {
        SessionkitSettings withAll = SessionkitSettings.builder().datasource("jdbc/x")
                .geoipDatabase(Path.of("a.mmdb")).build();
        SessionkitSettings cleared = withAll.toBuilder().datasource(null).geoipDatabase(null).build();
        assertEquals(SessionkitSettings.defaults(), cleared);
    }

    @Test
    void builderWhenRequiredValueNullThenNullPointerException() {
        SessionkitSettingsBuilder b = SessionkitSettings.builder();
        assertThrows(NullPointerException.class, () -> b.idleTimeout(null));
        assertThrows(NullPointerException.class, () -> b.jdbcUrl(null));
        assertThrows(NullPointerException.class, () -> b.schema(null));
        assertThrows(NullPointerException.class, () -> b.set(SettingKey.DATASOURCE, null));
    }

    @Test
    void setWhenSettingOfAnotherOwnerThenRefused() {
        Setting<String> foreign = Setting.define("foreign-key", SettingParsers.text()).defaultValue("x")
                .description("a setting of no catalog here").build();
        assertThrows(IllegalArgumentException.class, () -> SessionkitSettings.builder().set(foreign, "y"));
        assertThrows(IllegalArgumentException.class, () -> SessionkitSettings.defaults().get(foreign));
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
