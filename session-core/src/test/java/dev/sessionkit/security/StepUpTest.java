package dev.sessionkit.security;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.Sessions;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StepUpTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private final MutableClock clock = MutableClock.atT0();
    private final StepUp stepUp = new StepUp(clock, FIFTEEN_MINUTES);

    private static SessionRecord authenticated(String method) {
        return Sessions.aSession().authenticated(new Authentication(T0, method, OptionalInt.empty())).build();
    }

    @Test
    void requireWhenThePasswordIsFifteenMinutesOldThenAllowedAndASecondLaterRefused() {
        SessionRecord session = authenticated(Authentication.PASSWORD);

        clock.advance(FIFTEEN_MINUTES);
        stepUp.requirePrivileged(session);
        clock.advance(Duration.ofSeconds(1));
        ReauthenticationRequiredException refused = assertThrows(ReauthenticationRequiredException.class,
                () -> stepUp.requirePrivileged(session));

        assertEquals(FIFTEEN_MINUTES, refused.maxAge());
        assertEquals("This needs a password entered in the last 15 minutes: confirm your password and try again.",
                refused.getMessage());
    }

    @Test
    void isRecentWhenRememberedDeviceThenNeverEvenAtOnce() {
        assertFalse(stepUp.isRecent(authenticated(Authentication.REMEMBER_ME), FIFTEEN_MINUTES));
        assertTrue(stepUp.isRecent(authenticated("webauthn"), FIFTEEN_MINUTES));
    }

    @Test
    void isRecentWhenTheSettingIsZeroThenEverySessionIs() {
        StepUp off = new StepUp(clock, Duration.ZERO);
        clock.advance(Duration.ofDays(3));

        off.requirePrivileged(authenticated(Authentication.REMEMBER_ME));
        assertFalse(stepUp.isRecent(authenticated(Authentication.PASSWORD), FIFTEEN_MINUTES));
    }

    @Test
    void authenticationWhenMalformedMethodOrLevelThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Authentication(T0, "Pass Word", OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Authentication(T0, "password", OptionalInt.of(4)));
        assertThrows(IllegalArgumentException.class, () -> new Authentication(T0, "", OptionalInt.empty()));
    }
}
