package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The web settings as operators write them: spellings, rejected texts, typos of keys, and ranks of sources. */
class WebSettingTextTest {

    private static final String PASSWORD = "S3cr3t-Pa55w0rd";

    /** Keys for which no non-blank text is wrong: any role name is accepted. */
    private static final Set<Setting<?>> ANY_TEXT = Set.of(WebSettingKey.ADMIN_ROLE);

    static Stream<Arguments> badValues() {
        return Stream.of(
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
                bad("public-paths", "shop/*"),
                bad("public-paths", "//evil.example/*"),
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
                bad("browser-id-cookie", "sid"),
                bad("browser-id-cookie", "SID"),
                bad("browser-id-cookie", "__Host-bid"),
                bad("browser-id-cookie", "b id"),
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
        params.put("jdbc-password", PASSWORD);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> WebExamples.resolve(params));
        assertEquals(expectedKey, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedKey), e.getMessage());
        assertTrue(e.getMessage().contains("init-param"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u0000"), e.getMessage());
    }

    @Test
    void badValuesWhenListedThenCoverEveryKeyThatCanBeWrongAsText() {
        Set<String> covered = badValues().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        for (Setting<?> key : WebSettingKey.ALL.settings()) {
            assertEquals(!ANY_TEXT.contains(key), covered.contains(key.key()), key.key());
        }
    }

    @Test
    void crossRuleWhenSameSiteNoneWithoutSecureThenNamesSameSite() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> WebExamples.resolve(
                Map.of("cookie-same-site", "None", "cookie-secure", "false")));
        assertEquals("cookie-same-site", e.key());
        assertTrue(e.getMessage().contains("cookie-secure=true"), e.getMessage());
        assertTrue(e.getMessage().contains("cookie-secure set in init-param"), e.getMessage());
    }

    @Test
    void trustedProxiesWhenInvalidThenCauseChainedAndHostNamesMentioned() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> WebExamples.resolve(Map.of("trusted-proxies", "localhost")));
        assertTrue(e.getCause() instanceof IllegalArgumentException);
        assertTrue(e.getMessage().contains("host names are not accepted"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"refuse, REFUSE", "REFUSE, REFUSE", "Allow, ALLOW"})
    void crossSiteLoginWhenSpelledInAnyCaseThenParsed(String text, CrossSiteLogin expected) {
        assertEquals(expected, WebExamples.resolve(Map.of("cross-site-login", text)).crossSiteLogin());
    }

    @ParameterizedTest
    @CsvSource({"Strict, STRICT, Strict", "strict, STRICT, Strict", "LAX, LAX, Lax", "none, NONE, None"})
    void sameSiteWhenSpelledInAnyCaseThenParsedAndWrittenAsAttribute(String text, SameSite expected,
            String attribute) {
        assertEquals(expected, WebExamples.resolve(Map.of("cookie-same-site", text)).cookieSameSite());
        assertEquals(attribute, expected.attributeValue());
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "False, false", "' false ', false"})
    void booleansWhenSpelledInAnyCaseThenParsed(String text, boolean expected) {
        assertEquals(expected, WebExamples.resolve(Map.of("adopt-container-login", text)).adoptContainerLogin());
        assertEquals(expected, WebExamples.resolve(Map.of("cookie-secure", text)).cookieSecure());
    }

    @Test
    void resolveWhenValuesHaveSurroundingBlanksThenTrimmed() {
        assertEquals("ops", WebExamples.resolve(Map.of("admin-role", " ops ")).adminRole());
    }

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

    @ParameterizedTest
    @MethodSource("dev.sessionkit.servlet.WebExamples#keys")
    void resolveWhenEveryRankSetsAKeyThenEachRankBeatsAllWeakerOnes(Setting<?> key) {
        String strong = WebExamples.twoValues(key).get(0);
        String weak = WebExamples.twoValues(key).get(1);
        String expected = WebExamples.valueOf(WebExamples.resolve(Map.of(key.key(), strong)), key);
        for (int rank = 0; rank < 4; rank++) {
            String[] texts = new String[4];
            for (int i = 0; i < 4; i++) {
                texts[i] = i < rank ? null : i == rank ? strong : weak;
            }
            WebSettings s = WebSettings.resolve(fourSources(key, texts[0], texts[1], texts[2], texts[3]));
            assertEquals(expected, WebExamples.valueOf(s, key), key + " set at rank " + rank);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "cookie-samesite, cookie-same-site",
        "trusted-proxy, trusted-proxies",
        "cookieName, cookie-name",
        "SESSIONKIT_LOGIN_PATH, login-path",
        "idle-timout, idle-timeout",
    })
    void resolveWhenKeyMistypedThenFailsNamingKeySourceAndSuggestionFromEitherOwner(String typo,
            String suggestion) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> WebExamples.resolve(Map.of(typo, "x")));
        assertEquals(typo, e.key());
        assertTrue(e.getMessage().contains("'" + typo + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("init-param"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean '" + suggestion + "'?"), e.getMessage());
        assertFalse(e.getMessage().contains("'x'"), "values of unknown keys are never echoed: " + e.getMessage());
    }

    @Test
    void resolveWhenSourceCarriesCoreKeysThenKnownAndLeftToCore() {
        WebSettings s = WebExamples.resolve(Map.of("idle-timeout", "garbage-for-core", "login-path", "/in"));
        assertEquals(java.util.Optional.of("/in"), s.loginPath());
    }

    @Test
    void sharedWhenMapHoldsOtherSoftwaresParamsThenOnlyNearMissesAreUnknown() {
        SettingSource shared = SettingSource.shared("context-param", Map.of("contextConfigLocation", "/a.xml",
                "jakarta.faces.PROJECT_STAGE", "Development", "idle-timeout", "5m", "cookie-nam", "x"));
        assertEquals(Set.of("cookie-nam"), shared.unknownKeys(dev.sessionkit.config.SettingKey.ALL
                .and(WebSettingKey.ALL)));
        assertEquals(Set.of(), shared.unknownKeys(dev.sessionkit.config.SettingKey.ALL),
                "without the web keys, cookie-nam is near no key and so someone else's");
    }

    @Test
    void classpathPropertiesWhenFileHasTypoThenResolveFails(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sessionkit.properties"), "idle-timeout=5m\ncookie.name=x\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> WebSettings.resolve(List.of(SettingSource.classpathProperties(loader))));
            assertEquals("cookie.name", e.key());
            assertTrue(e.getMessage().contains("did you mean 'cookie-name'?"), e.getMessage());
        }
    }
}
