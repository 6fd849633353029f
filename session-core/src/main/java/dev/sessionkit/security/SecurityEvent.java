package dev.sessionkit.security;

import dev.sessionkit.device.DisplayText;
import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.SessionId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the security event log. Carries public ids and what a user or a security team may read; never a
 * token, token hash, password or cookie value. Immutable.
 *
 * @param id the public id
 * @param at when it happened
 * @param type what happened
 * @param outcome whether it succeeded
 * @param userId the account, when known (a failed sign-in names the account tried only if it exists)
 * @param sessionId the public id of the session concerned, when any
 * @param ipAddress the client's address as resolved through trusted proxies, at most {@value #MAX_IP} characters
 * @param device a short summary such as {@code Firefox on Windows}; empty when unknown
 * @param location where the address is, when known
 * @param point the coordinates of the address, when known; used for impossible travel, not shown
 * @param signals the risk signals that fired
 * @param action what Sessionkit did
 * @param detail a short machine-readable qualifier, e.g. the end reason {@code revoked-by-admin}; empty when none
 */
public record SecurityEvent(EventId id, Instant at, EventType type, EventOutcome outcome, Optional<String> userId,
        Optional<SessionId> sessionId, String ipAddress, String device, Optional<Location> location,
        Optional<GeoPoint> point, Set<RiskSignal> signals, EventAction action, String detail) {

    /** Longest user id kept, as in the session table. */
    public static final int MAX_USER_ID = 255;
    /** Longest address kept. */
    public static final int MAX_IP = 64;
    /** Longest device summary kept. */
    public static final int MAX_DEVICE = 128;
    /** Longest detail kept. */
    public static final int MAX_DETAIL = 64;

    /**
     * Checks every part and cuts the free texts to their limits.
     *
     * @param id see the record description
     * @param at see the record description
     * @param type see the record description
     * @param outcome see the record description
     * @param userId see the record description
     * @param sessionId see the record description
     * @param ipAddress see the record description
     * @param device see the record description
     * @param location see the record description
     * @param point see the record description
     * @param signals see the record description
     * @param action see the record description
     * @param detail see the record description
     */
    public SecurityEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        if (userId.isPresent() && (userId.get().isEmpty() || userId.get().length() > MAX_USER_ID)) {
            throw new IllegalArgumentException("userId must be 1 to " + MAX_USER_ID + " characters");
        }
        ipAddress = ipAddress.length() > MAX_IP ? ipAddress.substring(0, MAX_IP) : ipAddress;
        device = DisplayText.clean(device, MAX_DEVICE, "");
        detail = DisplayText.clean(detail, MAX_DETAIL, "");
        signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
    }

    /**
     * Tells whether the account's owner should hear of this event: a sign-in on which risk signals fired (one alert
     * per sign-in, whatever the number of signals; each signal's own event is not one), an attempt limit reached,
     * or a stolen token come back.
     *
     * @return true for alerts
     */
    public boolean isAlert() {
        boolean signIn = type == EventType.AUTHN_LOGIN_SUCCESS || type == EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL;
        return signIn && !signals.isEmpty() || type == EventType.AUTHN_LOGIN_FAIL_MAX
                || type == EventType.SESSION_USE_AFTER_EXPIRE || type == EventType.RISK_SESSION_DRIFT
                || type == EventType.AUTHN_TOKEN_REUSE;
    }

    /** Every type counted as an alert in the administrators' figures: signals, limits reached, stolen tokens. */
    public static final Set<EventType> ALERT_TYPES = Set.of(EventType.RISK_NEW_DEVICE, EventType.RISK_NEW_COUNTRY,
            EventType.AUTHN_IMPOSSIBLE_TRAVEL, EventType.RISK_MANY_FAILURES, EventType.RISK_MANY_COUNTRIES,
            EventType.RISK_SESSION_DRIFT, EventType.AUTHN_LOGIN_FAIL_MAX,
            EventType.SESSION_USE_AFTER_EXPIRE, EventType.USER_REPORTED_SIGNIN, EventType.AUTHN_TOKEN_REUSE);
}
