package dev.sessionkit.testing;

import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.location.Location;
import dev.sessionkit.security.EventAction;
import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventOutcome;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.RiskSignal;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.session.SessionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Security events for tests: every field set, so a store that drops one is caught. */
public final class SecurityEvents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecurityEvents() {
    }

    /** A sign-in of {@code userId} at {@code at} from Berlin, with a session and two signals. */
    public static SecurityEvent signIn(String userId, Instant at) {
        return new SecurityEvent(EventId.random(RANDOM), at, EventType.AUTHN_LOGIN_SUCCESS, EventOutcome.SUCCESS,
                Optional.of(userId), Optional.of(SessionId.random(RANDOM)), "203.0.113.7", "Firefox on Windows",
                Optional.of(new Location(Optional.of("Berlin"), "DE", "Germany")),
                Optional.of(new GeoPoint(52.52, 13.405)), Set.of(RiskSignal.NEW_DEVICE, RiskSignal.NEW_COUNTRY),
                EventAction.NOTIFY, "");
    }

    /** An event of any type with only the required parts. */
    public static SecurityEvent bare(EventType type, Optional<String> userId, Instant at) {
        return new SecurityEvent(EventId.random(RANDOM), at, type, EventOutcome.FAILURE, userId, Optional.empty(),
                "198.51.100.9", "", Optional.empty(), Optional.empty(), Set.of(), EventAction.RECORD, "");
    }
}
