package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The web settings as typed values: defaults, the builder, and the rules build() enforces. */
class WebSettingsTest {

    private static InvalidSettingException failure(UnaryOperator<WebSettingsBuilder> change) {
        return assertThrows(InvalidSettingException.class, () -> change.apply(WebSettings.builder()).build());
    }

    private static void accepted(UnaryOperator<WebSettingsBuilder> change) {
        assertDoesNotThrow(() -> change.apply(WebSettings.builder()).build());
    }

    @Test
    void defaultsWhenNothingConfiguredThenSpecValues() {
        WebSettings s = WebSettings.defaults();
        assertEquals("sid", s.cookieName());
        assertTrue(s.cookieSecure());
        assertEquals(SameSite.LAX, s.cookieSameSite());
        assertEquals(Optional.empty(), s.loginPath());
        assertEquals(List.of(), s.excludePaths());
        assertEquals(List.of(), s.trustedProxies());
        assertEquals("sessionkit-admin", s.adminRole());
        assertEquals("bid", s.browserIdCookie());
        assertFalse(s.adoptContainerLogin());
        assertEquals(CrossSiteLogin.REFUSE, s.crossSiteLogin());
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.servlet.WebExamples#keys")
    void defaultsWhenWrittenBackThenMatchTheDocumentedDefault(Setting<?> key) {
        String expected = key.defaultValue()
                .map(text -> WebExamples.valueOf(WebExamples.resolve(Map.of(key.key(), text)), key))
                .orElse("");
        assertEquals(expected, WebExamples.valueOf(WebSettings.defaults(), key));
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.servlet.WebExamples#keys")
    void equalsWhenOneKeyDiffersThenNotEqualElseEqual(Setting<?> key) {
        WebSettings changed = WebExamples.resolve(Map.of(key.key(), WebExamples.twoValues(key).get(0)));
        WebSettings same = WebExamples.resolve(Map.of(key.key(), WebExamples.twoValues(key).get(0)));
        assertNotEquals(WebSettings.defaults(), changed);
        assertEquals(same, changed);
        assertEquals(same.hashCode(), changed.hashCode());
        assertEquals(changed, changed.toBuilder().build());
    }

    @Test
    void builderWhenTypedValuesSetThenAccessorsReturnThem() {
        IpRange proxies = IpRange.parse("10.0.0.0/8");
        WebSettings s = WebSettings.builder().cookieName("s").cookieSecure(true).cookieSameSite(SameSite.NONE)
                .loginPath("/login").excludePaths(List.of("/login", "/static/*")).trustedProxies(List.of(proxies))
                .adminRole("ops").browserIdCookie("b").adoptContainerLogin(true)
                .crossSiteLogin(CrossSiteLogin.ALLOW).build();
        assertEquals("s", s.cookieName());
        assertEquals(SameSite.NONE, s.cookieSameSite());
        assertEquals(Optional.of("/login"), s.loginPath());
        assertEquals(List.of("/login", "/static/*"), s.excludePaths());
        assertEquals(List.of(proxies), s.trustedProxies());
        assertEquals("ops", s.adminRole());
        assertEquals("b", s.browserIdCookie());
        assertTrue(s.adoptContainerLogin());
        assertEquals(CrossSiteLogin.ALLOW, s.crossSiteLogin());
        assertEquals(s, s.toBuilder().build());
    }

    @Test
    void builderWhenOptionalSetToNullThenUnset() {
        WebSettings withLogin = WebSettings.builder().loginPath("/login").build();
        assertEquals(WebSettings.defaults(), withLogin.toBuilder().loginPath(null).build());
    }

    @Test
    void builderWhenRequiredValueNullThenNullPointerException() {
        WebSettingsBuilder b = WebSettings.builder();
        assertThrows(NullPointerException.class, () -> b.cookieSameSite(null));
        assertThrows(NullPointerException.class, () -> b.excludePaths(null));
        assertThrows(NullPointerException.class, () -> b.cookieName(null));
    }

    @Test
    void builderWhenSettingOfCoreThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WebSettings.builder().set(SettingKey.JDBC_USER, "x"));
    }

    @Test
    void listsWhenCallerMutatesOrReadsThenSettingsStayImmutable() {
        List<String> paths = new ArrayList<>(List.of("/login"));
        WebSettingsBuilder b = WebSettings.builder().excludePaths(paths);
        paths.add("/other");
        WebSettings s = b.build();
        assertEquals(List.of("/login"), s.excludePaths());
        assertThrows(UnsupportedOperationException.class, () -> s.excludePaths().add("/x"));
        assertThrows(UnsupportedOperationException.class, () -> s.trustedProxies().clear());
    }

    @Test
    void sameSiteNoneWhenNotSecureThenRefusedElseAccepted() {
        accepted(b -> b.cookieSameSite(SameSite.NONE).cookieSecure(true));
        accepted(b -> b.cookieSameSite(SameSite.LAX).cookieSecure(false));
        assertEquals("cookie-same-site",
                failure(b -> b.cookieSameSite(SameSite.NONE).cookieSecure(false)).key());
    }

    @Test
    void cookieNamesWhenNotTokensOrPrefixedOrEqualThenRefused() {
        accepted(b -> b.cookieName("my_sid-2").browserIdCookie("my.bid!"));
        assertEquals("cookie-name", failure(b -> b.cookieName("")).key());
        assertEquals("cookie-name", failure(b -> b.cookieName("a\"b")).key());
        assertEquals("cookie-name", failure(b -> b.cookieName("__HOST-sid")).key());
        assertEquals("browser-id-cookie", failure(b -> b.browserIdCookie("a/b")).key());
        assertEquals("browser-id-cookie", failure(b -> b.browserIdCookie("__Secure-bid")).key());
        assertEquals("browser-id-cookie", failure(b -> b.cookieName("same").browserIdCookie("Same")).key());
    }

    @Test
    void pathsWhenRelativeOrMisplacedStarThenRefusedAndPrefixAccepted() {
        accepted(b -> b.loginPath("/login").excludePaths(List.of("/login", "/static/*", "/*", "/a/b.css")));
        assertEquals("login-path", failure(b -> b.loginPath("")).key());
        assertEquals("login-path", failure(b -> b.loginPath("https://other.example/login")).key());
        assertEquals("exclude-paths", failure(b -> b.excludePaths(List.of("/ok", "*"))).key());
        assertEquals("exclude-paths", failure(b -> b.excludePaths(List.of("/a*"))).key());
        assertEquals("exclude-paths", failure(b -> b.excludePaths(List.of("/a\tb"))).key());
    }

    @Test
    void adminRoleWhenBlankThenInvalidSetting() {
        assertEquals("admin-role", failure(b -> b.adminRole("\t")).key());
    }

    @Test
    void toStringWhenBuiltThenEverySettingByKey() {
        String text = WebSettings.builder().loginPath("/signin").build().toString();
        assertTrue(text.startsWith("WebSettings[cookie-name=sid, cookie-secure=true, cookie-same-site=Lax,"
                + " login-path=/signin, "), text);
        assertTrue(text.endsWith(", cross-site-login=refuse]"), text);
    }
}
