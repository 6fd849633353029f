package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MonitoringSettingKeys;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attempt limits: per pair refused, per address refused, per account only slowed, all sliding. */
class LoginDefenceTest {

    @Test
    void allowAttemptWhenThirtyFailuresFromOneAddressThenRefusedThereOnly() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            LoginDefence defence = f.sessionkit.security().defence();
            for (int i = 0; i < 30; i++) {
                assertTrue(defence.allowAttempt("alice", "192.0.2.1").isAllowed(), "attempt " + (i + 1));
                defence.failed("alice", Optional.of("alice"), client("192.0.2.1", "bid-x"));
                f.clock.advance(Duration.ofSeconds(1));
            }

            AttemptDecision refused = defence.allowAttempt("Alice ", "192.0.2.1");
            AttemptDecision.Refused r = assertInstanceOf(AttemptDecision.Refused.class, refused);
            assertEquals("login-failures-per-account-address", r.limit());
            // The oldest failure came 30 s ago; the 15-minute window frees it 14.5 minutes from now.
            assertEquals(Duration.ofMinutes(15).minusSeconds(30).toSeconds(), r.retryAfterSeconds());
            assertTrue(defence.allowAttempt("alice", "198.51.100.7").isAllowed(), "the owner elsewhere gets in");
            assertEquals(1, f.types().stream().filter(t -> t == EventType.AUTHN_LOGIN_FAIL_MAX).count());
            assertEquals(1, f.alerts.size(), "reaching the limit is one alert");

            f.clock.advance(Duration.ofMinutes(15));
            assertTrue(defence.allowAttempt("alice", "192.0.2.1").isAllowed(), "nothing is locked forever");
        }
    }

    @Test
    void allowAttemptWhenSprayingAcrossAccountsThenAddressRefused() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(MonitoringSettingKeys.PER_ADDRESS, 10))) {
            LoginDefence defence = f.sessionkit.security().defence();
            for (int i = 0; i < 10; i++) {
                defence.failed("user" + i, Optional.empty(), client("203.0.113.5", "bid-x"));
            }

            AttemptDecision.Refused r = assertInstanceOf(AttemptDecision.Refused.class,
                    defence.allowAttempt("someone-new", "203.0.113.5"));
            assertEquals("login-failures-per-address", r.limit());
        }
    }

    @Test
    void allowAttemptWhenOneAccountFromManyAddressesThenSlowedNeverLocked() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(MonitoringSettingKeys.PER_ACCOUNT, 10))) {
            LoginDefence defence = f.sessionkit.security().defence();
            for (int i = 0; i < 10; i++) {
                defence.failed("alice", Optional.of("alice"), client("203.0.113." + i, "bid-x"));
            }

            AttemptDecision.Refused r = assertInstanceOf(AttemptDecision.Refused.class,
                    defence.allowAttempt("alice", "198.51.100.7"));
            assertEquals("login-failures-per-account", r.limit());
            assertEquals(5, r.retryAfterSeconds());
            f.clock.advance(MonitoringSettings.SLOWDOWN);
            assertTrue(defence.allowAttempt("alice", "198.51.100.7").isAllowed());
        }
    }

    @Test
    void accountKeyWhenCaseOrBlanksDifferThenSameKeyAndNoTypedText() {
        assertEquals(LoginDefence.accountKey("Alice@Example.org "), LoginDefence.accountKey("alice@example.org"));
        assertEquals(64, LoginDefence.accountKey("x").length());
        assertTrue(!LoginDefence.accountKey("hunter2").contains("hunter2"));
    }
}
