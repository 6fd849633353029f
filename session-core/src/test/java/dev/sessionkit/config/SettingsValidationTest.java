package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
        accepted(b -> b.absoluteTimeout(SettingChecks.MAX_DURATION));
        InvalidSettingException e = failure(b -> b.historyRetention(SettingChecks.MAX_DURATION.plusSeconds(1)));
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
