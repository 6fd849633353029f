package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MonitoringSettingKeys;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stolen-cookie check: a revoked token from another browser is one event and the policy's action. */
class ReplaysTest {

    private static SessionRecord endedSession(MonitoringFixture f, SignIn signIn) {
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) f.sessionkit.service()
                .validate(signIn.issued().token().reveal());
        return invalid.ended().orElseThrow();
    }

    @Test
    void presentedWhenRevokedTokenFromAnotherBrowserThenOneEventAndAllSessionsEnd() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn phone = f.signIn("alice", client("192.0.2.1", "bid-phone"));
            SignIn laptop = f.signIn("alice", client("192.0.2.2", "bid-laptop"));
            f.sessionkit.service().endOwn("alice", phone.issued().session().id());
            SessionRecord ended = endedSession(f, phone);
            Replays replays = f.sessionkit.security().replays();

            Optional<SecurityEvent> first = replays.presented(ended, "203.0.113.9", Optional.of("bid-thief"));
            Optional<SecurityEvent> again = replays.presented(ended, "203.0.113.9", Optional.of("bid-thief"));

            assertEquals(EventType.SESSION_USE_AFTER_EXPIRE, first.orElseThrow().type());
            assertEquals(EventAction.END_ALL_SESSIONS, first.get().action());
            assertEquals(Optional.empty(), again, "exactly one event per stolen session");
            assertEquals(1, f.types().stream().filter(t -> t == EventType.SESSION_USE_AFTER_EXPIRE).count());
            assertEquals(Optional.of(EndReason.SECURITY_POLICY), f.sessionkit.store()
                    .findById(laptop.issued().session().id()).orElseThrow().ending().map(e -> e.reason()));
            assertEquals(1, f.alerts.stream().filter(e -> e.type() == EventType.SESSION_USE_AFTER_EXPIRE).count());
        }
    }

    @Test
    void presentedWhenOwnBrowserSendsItsRevokedCookieThenNoAlarm() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn phone = f.signIn("alice", client("192.0.2.1", "bid-phone"));
            f.sessionkit.service().logout(phone.issued().token().reveal());

            Optional<SecurityEvent> own = f.sessionkit.security().replays()
                    .presented(endedSession(f, phone), "198.51.100.4", Optional.of("bid-phone"));

            assertEquals(Optional.empty(), own, "same browser on another network is the owner");
            assertTrue(f.alerts.isEmpty());
        }
    }

    @Test
    void presentedWhenNoBrowserIdFromTheSameAddressThenNoAlarmFromAnotherThenAlarm() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn api = f.signIn("alice", client("192.0.2.1", "bid-app"));
            f.sessionkit.service().logout(api.issued().token().reveal());
            SessionRecord ended = endedSession(f, api);
            Replays replays = f.sessionkit.security().replays();

            assertEquals(Optional.empty(), replays.presented(ended, "192.0.2.1", Optional.empty()),
                    "an API client keeping only the session cookie, where it always was");
            assertTrue(replays.presented(ended, "203.0.113.9", Optional.empty()).isPresent());
        }
    }

    @Test
    void presentedWhenExpiredTokenComesBackThenNoAlarm() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn phone = f.signIn("alice", client("192.0.2.1", "bid-phone"));
            f.clock.advance(Duration.ofHours(25));
            f.sessionkit.service().validate(phone.issued().token().reveal());

            SessionRecord expired = f.sessionkit.store().findById(phone.issued().session().id()).orElseThrow();
            assertEquals(Optional.empty(), f.sessionkit.security().replays()
                    .presented(expired, "203.0.113.9", Optional.of("bid-other")));
        }
    }

    @Test
    void presentedWhenPolicyRecordsOnlyThenEventButNothingEnds() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(MonitoringSettingKeys.RISK_ACTIONS,
                RiskPolicy.DEFAULT.with(RiskSignal.USE_AFTER_END, EventAction.RECORD)))) {
            SignIn phone = f.signIn("alice", client("192.0.2.1", "bid-phone"));
            SignIn laptop = f.signIn("alice", client("192.0.2.2", "bid-laptop"));
            f.sessionkit.service().endOwn("alice", phone.issued().session().id());

            SecurityEvent event = f.sessionkit.security().replays()
                    .presented(endedSession(f, phone), "203.0.113.9", Optional.empty()).orElseThrow();

            assertEquals(EventAction.RECORD, event.action());
            assertTrue(f.sessionkit.store().findById(laptop.issued().session().id()).orElseThrow().isActive());
            assertTrue(f.alerts.stream().noneMatch(e -> e.type() == EventType.SESSION_USE_AFTER_EXPIRE),
                    "record-only tells nobody");
        }
    }
}
