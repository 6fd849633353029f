package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Monitored sign-in without a location database: events, new device, many failures, ends as events. */
class SignInsTest {

    @Test
    void signInWhenFirstEverThenOneSuccessEventAndNoAlert() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn signIn = f.signIn("alice", client("192.0.2.1", "bid-1"));

            assertEquals(Set.of(), signIn.signals());
            assertEquals(List.of(EventType.AUTHN_LOGIN_SUCCESS), f.types());
            SecurityEvent event = f.recorded.get(0);
            assertEquals(Optional.of("alice"), event.userId());
            assertEquals(Optional.of(signIn.issued().session().id()), event.sessionId());
            assertEquals("Firefox 128 on Windows 10", event.device());
            assertEquals(List.of(), f.alerts);
        }
    }

    @Test
    void signInWhenAnotherBrowserLaterThenNewDeviceAlertOnce() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            f.signIn("alice", client("192.0.2.1", "bid-1"));
            f.clock.advance(Duration.ofHours(1));
            f.signIn("alice", client("192.0.2.1", "bid-1"));
            f.clock.advance(Duration.ofHours(1));
            SignIn third = f.signIn("alice", client("192.0.2.1", "bid-2"));

            assertEquals(Set.of(RiskSignal.NEW_DEVICE), third.signals());
            assertEquals(EventAction.NOTIFY, third.action());
            assertFalse(third.blocked());
            assertEquals(List.of(EventType.AUTHN_LOGIN_SUCCESS, EventType.AUTHN_LOGIN_SUCCESS,
                    EventType.AUTHN_LOGIN_SUCCESS, EventType.RISK_NEW_DEVICE), f.types());
            assertEquals(1, f.alerts.size(), "one alert per sign-in, not one per signal event");
            assertEquals(Set.of(RiskSignal.NEW_DEVICE), f.alerts.get(0).signals());
        }
    }

    @Test
    void signInWhenFailuresBeforeThenSuccessAfterFailAndPairForgotten() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            LoginDefence defence = f.sessionkit.security().defence();
            for (int i = 0; i < 6; i++) {
                defence.failed("alice", Optional.of("alice"), client("192.0.2.1", "bid-1"));
            }

            SignIn signIn = f.signIn("alice", client("192.0.2.1", "bid-1"));

            assertTrue(signIn.signals().contains(RiskSignal.MANY_FAILURES), signIn.signals().toString());
            assertTrue(f.types().contains(EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL), f.types().toString());
            assertEquals(0, f.sessionkit.security().defence().countsFor("alice", "192.0.2.1").pair());
        }
    }

    @Test
    void signInWhenPolicyEndsOnNewDeviceThenBlockedAndSessionEnded() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(
                dev.sessionkit.config.MonitoringSettingKeys.RISK_ACTIONS,
                RiskPolicy.DEFAULT.with(RiskSignal.NEW_DEVICE, EventAction.END_SESSION)))) {
            f.signIn("alice", client("192.0.2.1", "bid-1"));
            SignIn second = f.signIn("alice", client("192.0.2.1", "bid-2"));

            assertTrue(second.blocked());
            SessionRecord stored = f.sessionkit.store().findById(second.issued().session().id()).orElseThrow();
            assertEquals(Optional.of(EndReason.SECURITY_POLICY), stored.ending().map(e -> e.reason()));
            assertTrue(f.types().contains(EventType.SESSION_REVOKED), f.types().toString());
        }
    }

    @Test
    void endsWhenLogoutRevokeAndExpiryThenEachAnEventWithItsReason() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn a = f.signIn("alice", client("192.0.2.1", "bid-1"));
            SignIn b = f.signIn("alice", client("192.0.2.1", "bid-1"));
            SignIn c = f.signIn("alice", client("192.0.2.1", "bid-1"));
            f.sessionkit.service().logout(a.issued().token().reveal());
            f.clock.advance(Duration.ofSeconds(1));
            f.sessionkit.service().endOwn("alice", b.issued().session().id());
            f.clock.advance(Duration.ofHours(25));
            f.sessionkit.cleanup().runOnce();

            var page = f.sessionkit.security().events().search(EventSearch.ofUser("alice"), PageRequest.first(50));
            List<String> ends = page.items().stream().filter(e -> e.type().wireName().startsWith("session_"))
                    .map(e -> e.type().wireName() + ":" + e.detail()).toList();
            assertEquals(List.of("session_expired:expired-absolute", "session_revoked:revoked-by-user",
                    "session_logout:logout"), ends);
            assertEquals(Optional.of(c.issued().session().id()), page.items().get(0).sessionId());
        }
    }

    @Test
    void cleanupWhenEventsOlderThanRetentionThenPurged() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(
                dev.sessionkit.config.MonitoringSettingKeys.EVENT_RETENTION, Duration.ofDays(1)))) {
            f.signIn("alice", client("192.0.2.1", "bid-1"));
            f.clock.advance(Duration.ofDays(2));
            f.sessionkit.cleanup().runOnce();

            var page = f.sessionkit.security().events().search(EventSearch.ofUser("alice"), PageRequest.first(50));
            assertEquals(List.of(EventType.SESSION_EXPIRED), page.items().stream().map(SecurityEvent::type).toList(),
                    "the sign-in went; the expiry recorded by this cleanup stays");
        }
    }
}
