package dev.sessionkit.security;

import static dev.sessionkit.security.MonitoringFixture.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.remember.RememberCookie;
import dev.sessionkit.remember.RememberMe;
import dev.sessionkit.remember.Resumption;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Remembered devices on Sessionkit with its in-memory stores: resume, rotation, the grace window, theft. */
class RememberMeTest {

    private static final ClientInfo LAPTOP = client("192.0.2.1", "bid-laptop");

    private static Resumption.Resumed resumed(Resumption resumption) {
        return assertInstanceOf(Resumption.Resumed.class, resumption);
    }

    @Test
    void resumeWhenTheCurrentValidatorThenANewRememberMeSessionAndARotatedCookie() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            RememberMe remember = f.sessionkit.rememberMe();
            SessionRecord signedIn = f.signIn("alice", LAPTOP).issued().session();
            RememberCookie cookie = remember.remember(signedIn);
            f.clock.advance(Duration.ofDays(2)); // the session itself is long gone

            Resumption.Resumed back = resumed(remember.resume(cookie.value(), LAPTOP));

            SessionRecord session = back.issued().session();
            assertEquals("alice", session.userId());
            assertEquals(Authentication.REMEMBER_ME, session.authentication().method());
            RememberCookie next = back.rotated().orElseThrow();
            assertEquals(cookie.selector(), next.selector());
            assertNotEquals(cookie.validator(), next.validator());
            assertEquals(session.createdAt().plus(Duration.ofHours(24)), session.absoluteExpiresAt(),
                    "the absolute timeout still bounds the single session");
            assertFalse(cookie.toString().contains(cookie.validator()), "never printed");
        }
    }

    @Test
    void resumeWhenParallelRequestsWithTheSameCookieInsideTheGraceWindowThenAllGetInOneSeriesLives() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            RememberMe remember = f.sessionkit.rememberMe();
            RememberCookie cookie = remember.remember(f.signIn("alice", LAPTOP).issued().session());
            f.clock.advance(Duration.ofDays(1));

            Resumption.Resumed first = resumed(remember.resume(cookie.value(), LAPTOP));
            f.clock.advance(Duration.ofSeconds(2));
            Resumption.Resumed second = resumed(remember.resume(cookie.value(), LAPTOP));

            assertTrue(first.rotated().isPresent());
            assertEquals(Optional.empty(), second.rotated(), "the browser already has the new cookie");
            assertEquals(1, remember.devicesOf("alice").size());
            resumed(remember.resume(first.rotated().get().value(), LAPTOP));
        }
    }

    @Test
    void resumeWhenAnOldValidatorAfterTheGraceWindowThenTheftEndsTheDeviceAndItsSessionsForEveryone() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            RememberMe remember = f.sessionkit.rememberMe();
            RememberCookie stolen = remember.remember(f.signIn("alice", LAPTOP).issued().session());
            f.clock.advance(Duration.ofDays(1));
            Resumption.Resumed owner = resumed(remember.resume(stolen.value(), LAPTOP));
            f.clock.advance(RememberMe.GRACE.plusSeconds(1));

            Resumption thief = remember.resume(stolen.value(), client("203.0.113.9", "bid-thief"));

            assertInstanceOf(Resumption.Refused.class, thief);
            assertInstanceOf(Resumption.Refused.class, remember.resume(owner.rotated().get().value(), LAPTOP),
                    "the owner's cookie is forgotten too: whoever has it, the device must sign in again");
            assertFalse(f.sessionkit.service().validate(owner.issued().token().reveal()).isValid(),
                    "every session the device started has ended");
            assertTrue(f.types().contains(EventType.AUTHN_TOKEN_REUSE), f.types().toString());
            assertTrue(f.alerts.stream().anyMatch(e -> e.type() == EventType.AUTHN_TOKEN_REUSE));
            assertEquals(0, remember.devicesOf("alice").size());
        }
    }

    @Test
    void resumeWhenMalformedUnknownOrExpiredThenRefusedAndAnExpiredDeviceIsForgotten() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            RememberMe remember = f.sessionkit.rememberMe();
            RememberCookie cookie = remember.remember(f.signIn("alice", LAPTOP).issued().session());

            assertInstanceOf(Resumption.Refused.class, remember.resume("garbage", LAPTOP));
            assertInstanceOf(Resumption.Refused.class, remember.resume(null, LAPTOP));
            assertInstanceOf(Resumption.Refused.class, remember.resume(
                    "AAAAAAAAAAAAAAAAAAAAAA." + cookie.validator(), LAPTOP));
            f.clock.advance(Duration.ofDays(31));
            assertInstanceOf(Resumption.Refused.class, remember.resume(cookie.value(), LAPTOP));
            assertEquals(0, remember.devicesOf("alice").size());
        }
    }

    @Test
    void rememberWhenBeyondTheMostDevicesThenTheOldestIsForgotten() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b.set(
                dev.sessionkit.config.RememberMeSettingKeys.MAX_DEVICES, 2))) {
            RememberMe remember = f.sessionkit.rememberMe();
            RememberCookie oldest = remember.remember(f.signIn("alice", LAPTOP).issued().session());
            f.clock.advance(Duration.ofMinutes(1));
            remember.remember(f.signIn("alice", LAPTOP).issued().session());
            f.clock.advance(Duration.ofMinutes(1));
            remember.remember(f.signIn("alice", LAPTOP).issued().session());

            assertEquals(2, remember.devicesOf("alice").size());
            assertInstanceOf(Resumption.Refused.class, remember.resume(oldest.value(), LAPTOP));
        }
    }

    @Test
    void forgetAllOfWhenKeepingThisDeviceThenOnlyTheOthersGo() {
        try (MonitoringFixture f = new MonitoringFixture(b -> b)) {
            RememberMe remember = f.sessionkit.rememberMe();
            SessionRecord here = f.signIn("alice", LAPTOP).issued().session();
            RememberCookie mine = remember.remember(here);
            SessionRecord phone = f.signIn("alice", client("192.0.2.2", "bid-phone")).issued().session();
            RememberCookie theirs = remember.remember(phone);

            assertEquals(1, remember.forgetAllOf("alice", Optional.of(here.id()), EndReason.REVOKED_BY_USER));

            assertEquals(1, remember.devicesOf("alice").size());
            assertEquals(mine.selector(), remember.devicesOf("alice").get(0).selector());
            assertInstanceOf(Resumption.Refused.class, remember.resume(theirs.value(), LAPTOP));
            assertTrue(remember.forget(mine.value()));
            assertEquals(0, remember.devicesOf("alice").size());
        }
    }
}
