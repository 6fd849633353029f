package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsResolverTest {

    /** Builds the four SPEC sources, each holding {@code key} only when its text is not null. */
    private static List<SettingSource> fourSources(Setting<?> key, String init, String context, String props,
            String env) {
        Properties properties = new Properties();
        if (props != null) {
            properties.setProperty(key.key(), props);
        }
        return List.of(
                SettingSource.of("init-param", init == null ? Map.of() : Map.of(key.key(), init)),
                SettingSource.shared("context-param", context == null ? Map.of() : Map.of(key.key(), context)),
                SettingSource.properties(properties),
                SettingSource.environment(env == null ? Map.of() : Map.of(key.envName(), env)));
    }

    @Test
    void resolveWhenAllFourSourcesSetAKeyThenStrongestPresentWins() {
        Setting<?> key = SettingKey.IDLE_TIMEOUT;
        assertEquals(Duration.ofMinutes(2), idle(fourSources(key, "2m", "3m", "4m", "5m")));
        assertEquals(Duration.ofMinutes(3), idle(fourSources(key, null, "3m", "4m", "5m")));
        assertEquals(Duration.ofMinutes(4), idle(fourSources(key, null, null, "4m", "5m")));
        assertEquals(Duration.ofMinutes(5), idle(fourSources(key, null, null, null, "5m")));
        assertEquals(Duration.ofMinutes(30), idle(fourSources(key, null, null, null, null)));
    }

    private static Duration idle(List<SettingSource> sources) {
        return SettingsResolver.resolve(sources).idleTimeout();
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.config.SettingExamples#keys")
    void resolveWhenEveryRankSetsAKeyThenEachRankBeatsAllWeakerOnes(Setting<?> key) {
        String strong = SettingExamples.twoValues(key).get(0);
        String weak = SettingExamples.twoValues(key).get(1);
        String expected = SettingExamples.valueOf(SettingExamples.resolve(Map.of(key.key(), strong)), key);
        for (int rank = 0; rank < 4; rank++) {
            String[] texts = new String[4];
            for (int i = 0; i < 4; i++) {
                texts[i] = i < rank ? null : i == rank ? strong : weak;
            }
            SessionkitSettings s = SettingsResolver.resolve(fourSources(key, texts[0], texts[1], texts[2], texts[3]));
            assertEquals(expected, SettingExamples.valueOf(s, key), key + " set at rank " + rank);
        }
    }

    @Test
    void resolveWhenStrongerSourceIsBlankThenWeakerSourceWins() {
        List<SettingSource> sources = fourSources(SettingKey.IDLE_TIMEOUT, "  ", "", null, "PT10M");
        assertEquals(Duration.ofMinutes(10), idle(sources));
    }

    @Test
    void resolveWhenCustomSourceAnswersBlankThenTreatedAsUnset() {
        SettingSource blank = key -> Optional.of(" \t");
        assertEquals(SessionkitSettings.defaults(), SettingsResolver.resolve(List.of(blank)));
    }

    @Test
    void resolveWhenValuesHaveSurroundingBlanksThenTrimmedExceptPassword() {
        SessionkitSettings s = SettingExamples.resolve(Map.of("idle-timeout", " 10m\n", "jdbc-user", " ops ",
                "jdbc-password", " pw "));
        assertEquals(Duration.ofMinutes(10), s.idleTimeout());
        assertEquals("ops", s.jdbcUser());
        assertEquals(" pw ", s.jdbcPassword());
    }

    @Test
    void environmentWhenVariablesSetThenReadByEnvNameAndDemoVariablesIgnored() {
        Map<String, String> env = Map.of("SESSIONKIT_IDLE_TIMEOUT", "5m", "SESSIONKIT_PORT", "8080",
                "SESSIONKIT_DEMO_PASSWORD", "x", "SESSIONKIT_IDLE_TIMOUT", "typo", "idle-timeout", "7m",
                "PATH", "/usr/bin");
        SettingSource source = SettingSource.environment(env);
        assertEquals(Set.of(), source.unknownKeys(SettingKey.ALL));
        assertEquals("SESSIONKIT_* environment", source.describe());
        assertEquals(Optional.of("5m"), source.get(SettingKey.IDLE_TIMEOUT));
        assertEquals(Duration.ofMinutes(5), SettingsResolver.resolve(List.of(source)).idleTimeout());
    }

    @Test
    void sourcesWhenBuiltThenSnapshotTheirInput() {
        Map<String, String> map = new HashMap<>(Map.of("idle-timeout", "5m"));
        Properties properties = new Properties();
        properties.setProperty("idle-timeout", "5m");
        SettingSource fromMap = SettingSource.of("init-param", map);
        SettingSource fromProperties = SettingSource.properties(properties);
        map.put("idle-timeout", "6m");
        properties.setProperty("idle-timeout", "6m");
        assertEquals(Optional.of("5m"), fromMap.get(SettingKey.IDLE_TIMEOUT));
        assertEquals(Optional.of("5m"), fromProperties.get(SettingKey.IDLE_TIMEOUT));
    }

    @Test
    void ofWhenMapHasNullKeyOrValueThenIgnored() {
        Map<String, String> map = new HashMap<>();
        map.put(null, "x");
        map.put("idle-timeout", null);
        SettingSource source = SettingSource.of("init-param", map);
        assertEquals(Set.of(), source.unknownKeys(SettingKey.ALL));
        assertEquals(Optional.empty(), source.get(SettingKey.IDLE_TIMEOUT));
    }

    @ParameterizedTest
    @CsvSource({
        "idle-timout, idle-timeout",
        "idleTimeout, idle-timeout",
        "IDLE_TIMEOUT, idle-timeout",
        "sessionkit.idle-timeout, idle-timeout",
        "max-session-per-user, max-sessions-per-user",
        "jdbc-pasword, jdbc-password",
        "shema, schema",
        "geoip-databse, geoip-database",
    })
    void resolveWhenKeyMistypedThenFailsNamingKeySourceAndSuggestion(String typo, String suggestion) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of(typo, "x")));
        assertEquals(typo, e.key());
        assertTrue(e.getMessage().contains("'" + typo + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("init-param"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean '" + suggestion + "'?"), e.getMessage());
        assertFalse(e.getMessage().contains("'x'"), "values of unknown keys are never echoed: " + e.getMessage());
    }

    @Test
    void resolveWhenKeyUnknownAndFarFromAllThenFailsWithoutSuggestion() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of("frobnicate", "1")));
        assertEquals("frobnicate", e.key());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertTrue(e.getMessage().contains("README"), e.getMessage());
    }

    @Test
    void resolveWhenSeveralUnknownKeysThenAllNamedAndFirstIsTheKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of("zeta", "1", "alpha", "2", "idle-timout", "3")));
        assertEquals("alpha", e.key());
        assertTrue(e.getMessage().contains("'zeta'") && e.getMessage().contains("'idle-timout'"), e.getMessage());
    }

    @Test
    void resolveWhenTypoIsInAWeakSourceThenStillFails() {
        Properties properties = new Properties();
        properties.setProperty("idle-timout", "5m");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SettingsResolver.resolve(
                List.of(SettingSource.of("init-param", Map.of("idle-timeout", "5m")),
                        SettingSource.properties(properties))));
        assertTrue(e.getMessage().contains("in properties"), e.getMessage());
    }

    @Test
    void sharedWhenMapHoldsOtherSoftwaresParamsThenOnlyNearMissesAreUnknown() {
        SettingSource shared = SettingSource.shared("context-param", Map.of("contextConfigLocation", "/a.xml",
                "jakarta.faces.PROJECT_STAGE", "Development", "idle-timeout", "5m", "idle-timout", "x"));
        assertEquals(Set.of("idle-timout"), shared.unknownKeys(SettingKey.ALL));
        SettingSource clean = SettingSource.shared("context-param", Map.of("contextConfigLocation", "/a.xml",
                "idle-timeout", "5m"));
        assertEquals(Duration.ofMinutes(5), SettingsResolver.resolve(List.of(clean)).idleTimeout());
    }

    @Test
    void resolveWhenValueInvalidThenMessageNamesTheSource() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SettingsResolver.resolve(
                fourSources(SettingKey.IDLE_TIMEOUT, null, null, null, "soon")));
        assertEquals("idle-timeout", e.key());
        assertTrue(e.getMessage().contains("SESSIONKIT_* environment"), e.getMessage());
    }

    @Test
    void resolveWhenCrossCheckFailsOnADefaultThenMessageSaysDefaultUsed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingExamples.resolve(Map.of("idle-timeout", "30s")));
        assertEquals("touch-interval", e.key());
        assertTrue(e.getMessage().contains("idle-timeout PT30S"), e.getMessage());
        assertTrue(e.getMessage().contains("[touch-interval not set, default used; idle-timeout set in init-param]"),
                e.getMessage());
    }

    @Test
    void classpathPropertiesWhenFilePresentThenReadAsUtf8(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sessionkit.properties"), "# comment\nidle-timeout = 5m\njdbc-user=rôle\n",
                StandardCharsets.UTF_8);
        try (URLClassLoader loader = loaderFor(dir)) {
            SettingSource source = SettingSource.classpathProperties(loader);
            SessionkitSettings s = SettingsResolver.resolve(List.of(source));
            assertEquals(Duration.ofMinutes(5), s.idleTimeout());
            assertEquals("rôle", s.jdbcUser());
            assertTrue(source.describe().contains("sessionkit.properties"), source.describe());
        }
    }

    @Test
    void classpathPropertiesWhenFileAbsentThenEmptySource(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = loaderFor(dir)) {
            SettingSource source = SettingSource.classpathProperties(loader);
            assertEquals(Set.of(), source.unknownKeys(SettingKey.ALL));
            assertEquals(SessionkitSettings.defaults(), SettingsResolver.resolve(List.of(source)));
        }
    }

    @Test
    void classpathPropertiesWhenFileHasTypoThenResolveFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sessionkit.properties"), "idle-timeout=5m\nhistory.retention=x\n");
        try (URLClassLoader loader = loaderFor(dir)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> SettingsResolver.resolve(List.of(SettingSource.classpathProperties(loader))));
            assertEquals("history.retention", e.key());
            assertTrue(e.getMessage().contains("did you mean 'history-retention'?"), e.getMessage());
        }
    }

    @Test
    void classpathPropertiesWhenFileMalformedThenInvalidSettingException(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sessionkit.properties"), "idle-timeout=\\uZZZZ\n");
        try (URLClassLoader loader = loaderFor(dir)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> SettingSource.classpathProperties(loader));
            assertEquals("sessionkit.properties", e.key());
            assertTrue(e.getCause() instanceof IllegalArgumentException);
        }
    }

    @Test
    void resolveWhenSourceListNullOrHoldsNullThenNullPointerException() {
        assertThrows(NullPointerException.class, () -> SettingsResolver.resolve(null));
        List<SettingSource> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> SettingsResolver.resolve(withNull));
    }

    @Test
    void resolveWhenSourcesCarryAnotherOwnersKeysThenKnownAndTheirTyposSuggested() {
        Setting<String> other = Setting.define("other-owner-key", SettingParsers.text()).defaultValue("x")
                .description("a key of another owner").build();
        SettingCatalog others = SettingCatalog.of(other);
        List<SettingSource> sources = List.of(SettingSource.of("init-param", Map.of("other-owner-key", "y",
                "idle-timeout", "5m")));
        assertEquals(Duration.ofMinutes(5), SettingsResolver.resolve(sources, others).idleTimeout());
        assertEquals("y", SettingsResolver.values(sources, others).get(other));
        assertEquals("other-owner-key", assertThrows(InvalidSettingException.class,
                () -> SettingsResolver.resolve(sources)).key(), "without the other owner its key is unknown");

        InvalidSettingException typo = assertThrows(InvalidSettingException.class, () -> SettingsResolver.resolve(
                List.of(SettingSource.of("init-param", Map.of("other-owner-kye", "y"))), others));
        assertTrue(typo.getMessage().contains("did you mean 'other-owner-key'?"), typo.getMessage());
    }

    private static URLClassLoader loaderFor(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
