package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.security.SignInReports.Outcome;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "This wasn't me" links: signed, expiring, single use, acting on the event's owner only. */
class SignInReportsTest {

    private static SecurityEvent signInEvent(MonitoringFixture f, SignIn signIn) {
        return f.recorded.stream().filter(e -> e.type() == EventType.AUTHN_LOGIN_SUCCESS
                && e.sessionId().equals(Optional.of(signIn.issued().session().id()))).findFirst().orElseThrow();
    }

    @Test
    void reportByLinkWhenFreshThenSessionEndsOnceAndSecondClickChangesNothing() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn attacker = f.signIn("alice", client("203.0.113.9", "bid-x"));
            SignIn own = f.signIn("alice", client("192.0.2.1", "bid-own"));
            SignInReports reports = f.sessionkit.security().reports();
            String token = reports.linkToken(signInEvent(f, attacker));

            assertEquals(Outcome.REPORTED, reports.peek(token).outcome(), "a GET only looks");
            assertTrue(f.sessionkit.store().findById(attacker.issued().session().id()).orElseThrow().isActive());
            SignInReports.Result first = reports.reportByLink(token, false);
            SignInReports.Result second = reports.reportByLink(token, true);

            assertEquals(Outcome.REPORTED, first.outcome());
            assertEquals(1, first.ended());
            assertEquals(Outcome.ALREADY_REPORTED, second.outcome());
            assertEquals(0, second.ended());
            assertFalse(f.sessionkit.store().findById(attacker.issued().session().id()).orElseThrow().isActive());
            assertTrue(f.sessionkit.store().findById(own.issued().session().id()).orElseThrow().isActive());
            assertEquals(1, f.types().stream().filter(t -> t == EventType.USER_REPORTED_SIGNIN).count());
            assertEquals(Outcome.ALREADY_REPORTED, reports.peek(token).outcome());
        }
    }

    @Test
    void reportByLinkWhenAlsoOthersThenEveryOtherSessionEndsToo() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn attacker = f.signIn("alice", client("203.0.113.9", "bid-x"));
            SignIn own = f.signIn("alice", client("192.0.2.1", "bid-own"));
            SignIn bob = f.signIn("bob", client("192.0.2.7", "bid-bob"));
            SignInReports reports = f.sessionkit.security().reports();

            SignInReports.Result result = reports.reportByLink(reports.linkToken(signInEvent(f, attacker)), true);

            assertEquals(2, result.ended());
            assertFalse(f.sessionkit.store().findById(own.issued().session().id()).orElseThrow().isActive());
            assertTrue(f.sessionkit.store().findById(bob.issued().session().id()).orElseThrow().isActive(),
                    "whoever clicks, only the event's owner is affected");
        }
    }

    @Test
    void checkWhenExpiredTamperedOrGarbageThenRefused() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn signIn = f.signIn("alice", client("203.0.113.9", "bid-x"));
            SignInReports reports = f.sessionkit.security().reports();
            String token = reports.linkToken(signInEvent(f, signIn));
            byte[] raw = Base64.getUrlDecoder().decode(token);
            raw[3] ^= 1;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

            assertEquals(Outcome.UNKNOWN, reports.reportByLink(tampered, false).outcome());
            assertEquals(Outcome.UNKNOWN, reports.reportByLink("not a token", false).outcome());
            assertEquals(Outcome.UNKNOWN, reports.reportByLink(null, false).outcome());
            assertEquals(Outcome.UNKNOWN, reports.reportByLink("A".repeat(5000), false).outcome());
            f.clock.advance(ReportLinks.LIFETIME.plus(Duration.ofSeconds(1)));
            assertEquals(Outcome.EXPIRED, reports.reportByLink(token, false).outcome());
            assertTrue(f.sessionkit.store().findById(signIn.issued().session().id()).orElseThrow().isActive());
        }
    }

    @Test
    void checkWhenSignedWithAnotherSecretThenInvalid() {
        ReportLinks ours = new ReportLinks("a".repeat(32).getBytes(), java.time.Clock.systemUTC());
        ReportLinks theirs = new ReportLinks("b".repeat(32).getBytes(), java.time.Clock.systemUTC());
        EventId id = EventId.random(new java.security.SecureRandom());

        assertInstanceOf(ReportLinks.Checked.Invalid.class, ours.check(theirs.tokenFor(id)));
        assertEquals(new ReportLinks.Checked.Valid(id), ours.check(ours.tokenFor(id)));
    }

    @Test
    void reportOwnWhenSomeoneElsesEventThenUnknownAndNothingEnds() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            SignIn alice = f.signIn("alice", client("203.0.113.9", "bid-x"));
            SignInReports reports = f.sessionkit.security().reports();

            SignInReports.Result result = reports.reportOwn("bob", signInEvent(f, alice).id(), true,
                    Optional.empty());

            assertEquals(Outcome.UNKNOWN, result.outcome());
            assertTrue(f.sessionkit.store().findById(alice.issued().session().id()).orElseThrow().isActive());
        }
    }

    @Test
    void settingsWhenLinkSecretSetThenNeverShown() {
        String secret = "Zx9-very-secret-link-key-0123456789";
        var settings = dev.sessionkit.config.SessionkitSettings.builder()
                .set(dev.sessionkit.config.MonitoringSettingKeys.ALERT_LINK_SECRET, Optional.of(secret)).build();

        assertFalse(settings.toString().contains(secret), settings.toString());
        assertTrue(settings.toString().contains("alert-link-secret="), settings.toString());
    }
}
