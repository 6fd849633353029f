package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rules build() enforces on typed values, including those text cannot reach (negative durations). */
class SettingsValidationTest {

    private static InvalidSettingException failure(UnaryOperator<SessionkitSettingsBuilder> change) {
        return assertThrows(InvalidSettingException.class, () -> change.apply(SessionkitSettings.builder()).build());
    }

    private static void accepted(UnaryOperator<SessionkitSettingsBuilder> change) {
        assertDoesNotThrow(() -> change.apply(SessionkitSettings.builder()).build());
    }

    @Test
    void timeoutsWhenZeroOrNegativeThenRefusedNamingKey() {
        assertEquals("idle-timeout", failure(b -> b.idleTimeout(Duration.ZERO)).key());
        assertEquals("idle-timeout", failure(b -> b.idleTimeout(Duration.ofSeconds(-1))).key());
        assertEquals("absolute-timeout", failure(b -> b.absoluteTimeout(Duration.ZERO)).key());
        assertEquals("cleanup-interval", failure(b -> b.cleanupInterval(Duration.ZERO)).key());
    }

    @Test
    void intervalsWhenZeroThenAcceptedAndWhenNegativeThenRefused() {
        accepted(b -> b.touchInterval(Duration.ZERO).revocationLatency(Duration.ZERO)
                .historyRetention(Duration.ZERO));
        assertEquals("touch-interval", failure(b -> b.touchInterval(Duration.ofMillis(-1))).key());
        assertEquals("revocation-latency", failure(b -> b.revocationLatency(Duration.ofMillis(-1))).key());
        assertEquals("history-retention", failure(b -> b.historyRetention(Duration.ofMillis(-1))).key());
    }

    @Test
    void durationsWhenBeyondHundredYearsThenRefused() {
        accepted(b -> b.absoluteTimeout(SettingsValidator.MAX_DURATION));
        InvalidSettingException e = failure(b -> b.historyRetention(SettingsValidator.MAX_DURATION.plusSeconds(1)));
        assertEquals("history-retention", e.key());
        assertTrue(e.getMessage().contains("P36500D"), e.getMessage());
    }

    @Test
    void touchIntervalWhenNotShorterThanIdleTimeoutThenRefusedNamingBoth() {
        accepted(b -> b.idleTimeout(Duration.ofSeconds(61)).touchInterval(Duration.ofSeconds(60)));
        InvalidSettingException e = failure(b -> b.idleTimeout(Duration.ofSeconds(60)));
        assertEquals("touch-interval", e.key());
        assertTrue(e.getMessage().contains("idle-timeout PT1M"), e.getMessage());
        assertEquals("touch-interval", failure(b -> b.touchInterval(Duration.ofHours(1))).key());
    }

    @Test
    void maxSessionsWhenNegativeThenRefusedAndZeroMeansNoLimit() {
        accepted(b -> b.maxSessionsPerUser(0));
        assertEquals("max-sessions-per-user", failure(b -> b.maxSessionsPerUser(-1)).key());
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
    void jdbcUrlWhenBlankOrNotJdbcThenRefused() {
        accepted(b -> b.jdbcUrl("JDBC:h2:mem:x"));
        assertEquals("jdbc-url", failure(b -> b.jdbcUrl(" ")).key());
        assertEquals("jdbc-url", failure(b -> b.jdbcUrl("mysql://db")).key());
    }

    @Test
    void userAndPasswordWhenEmptyOrOddThenAccepted() {
        accepted(b -> b.jdbcUser("").jdbcPassword(""));
        accepted(b -> b.jdbcUser("ü ser").jdbcPassword("p\u0000w\n"));
    }
}
