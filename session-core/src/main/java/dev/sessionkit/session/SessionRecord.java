package dev.sessionkit.session;

import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.location.Location;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything stored about one login. Immutable; stores return new records after a change.
 *
 * @param id the public id, safe to show
 * @param tokenHash the SHA-256 hash of the secret token (the token itself is never stored)
 * @param principal who logged in
 * @param createdAt when the login happened
 * @param lastAccessedAt the last persisted activity; it may lag real activity by up to {@code touch-interval}
 *     and never moves backwards
 * @param idleExpiresAt when the session ends for lack of activity, unless used before then
 * @param absoluteExpiresAt when the session ends whatever the activity
 * @param ending when and why the session ended; empty while it is active
 * @param ipAddress the client address at login, "" when unknown
 * @param userAgent the User-Agent header at login, "" when absent
 * @param device device type, browser and OS detected at login
 * @param location where the address was located at login, when a location database is configured
 * @param browserIdHash hash of the browser-id cookie at login, used to recognise a device seen before
 * @param authentication when and how the user last proved a credential in this session
 */
public record SessionRecord(
        SessionId id,
        TokenHash tokenHash,
        SessionPrincipal principal,
        Instant createdAt,
        Instant lastAccessedAt,
        Instant idleExpiresAt,
        Instant absoluteExpiresAt,
        Optional<Ending> ending,
        String ipAddress,
        String userAgent,
        DeviceInfo device,
        Optional<Location> location,
        Optional<TokenHash> browserIdHash,
        Authentication authentication) {

    /** Longest User-Agent kept, matching the database column. */
    public static final int MAX_USER_AGENT_LENGTH = 512;

    /**
     * Checks that every part is present and the times are in order.
     *
     * @param id see the record description
     * @param tokenHash see the record description
     * @param principal see the record description
     * @param createdAt see the record description
     * @param lastAccessedAt see the record description
     * @param idleExpiresAt see the record description
     * @param absoluteExpiresAt see the record description
     * @param ending see the record description
     * @param ipAddress see the record description
     * @param userAgent see the record description
     * @param device see the record description
     * @param location see the record description
     * @param browserIdHash see the record description
     * @param authentication see the record description
     * @throws IllegalArgumentException if last access precedes creation or the absolute expiry precedes creation
     */
    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        Objects.requireNonNull(ending, "ending");
        ipAddress = Objects.requireNonNullElse(ipAddress, "");
        userAgent = Objects.requireNonNullElse(userAgent, "");
        if (userAgent.length() > MAX_USER_AGENT_LENGTH) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(browserIdHash, "browserIdHash");
        Objects.requireNonNull(authentication, "authentication");
        if (lastAccessedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("last access cannot precede creation");
        }
    }

    /**
     * A session whose user proved a password when it was created, as most tests and tools make them.
     *
     * @param id see the record description
     * @param tokenHash see the record description
     * @param principal see the record description
     * @param createdAt see the record description
     * @param lastAccessedAt see the record description
     * @param idleExpiresAt see the record description
     * @param absoluteExpiresAt see the record description
     * @param ending see the record description
     * @param ipAddress see the record description
     * @param userAgent see the record description
     * @param device see the record description
     * @param location see the record description
     * @param browserIdHash see the record description
     */
    public SessionRecord(SessionId id, TokenHash tokenHash, SessionPrincipal principal, Instant createdAt,
            Instant lastAccessedAt, Instant idleExpiresAt, Instant absoluteExpiresAt, Optional<Ending> ending,
            String ipAddress, String userAgent, DeviceInfo device, Optional<Location> location,
            Optional<TokenHash> browserIdHash) {
        this(id, tokenHash, principal, createdAt, lastAccessedAt, idleExpiresAt, absoluteExpiresAt, ending,
                ipAddress, userAgent, device, location, browserIdHash, Authentication.password(createdAt));
    }

    /**
     * Returns the owner's user id, the key every ownership check compares.
     *
     * @return the user id
     */
    public String userId() {
        return principal.userId();
    }

    /**
     * Tells whether the session has not been ended. An active session may still be past its expiry until
     * validation or cleanup ends it; see {@link #isExpiredAt(Instant)}.
     *
     * @return true while no ending is recorded
     */
    public boolean isActive() {
        return ending.isEmpty();
    }

    /**
     * Returns the stored status.
     *
     * @return {@link SessionStatus#ACTIVE} or {@link SessionStatus#ENDED}
     */
    public SessionStatus status() {
        return isActive() ? SessionStatus.ACTIVE : SessionStatus.ENDED;
    }

    /**
     * Tells which expiry, if any, has passed at an instant; the absolute one wins when both have.
     *
     * @param now the instant to judge at
     * @return the expiry reason, or empty when neither deadline has been reached
     */
    public Optional<EndReason> expiryAt(Instant now) {
        if (!now.isBefore(absoluteExpiresAt)) {
            return Optional.of(EndReason.EXPIRED_ABSOLUTE);
        }
        if (!now.isBefore(idleExpiresAt)) {
            return Optional.of(EndReason.EXPIRED_IDLE);
        }
        return Optional.empty();
    }

    /**
     * Tells whether a deadline has been reached at an instant.
     *
     * @param now the instant to judge at
     * @return true when idle or absolute expiry has been reached
     */
    public boolean isExpiredAt(Instant now) {
        return expiryAt(now).isPresent();
    }

    /**
     * Tells whether the session authenticates requests at an instant: not ended and not expired.
     *
     * @param now the instant to judge at
     * @return true when the session is usable
     */
    public boolean isUsableAt(Instant now) {
        return isActive() && !isExpiredAt(now);
    }

    /**
     * Returns this session as ended.
     *
     * @param ended when and why
     * @return a copy with the ending set
     */
    public SessionRecord withEnding(Ending ended) {
        return new SessionRecord(id, tokenHash, principal, createdAt, lastAccessedAt, idleExpiresAt,
                absoluteExpiresAt, Optional.of(ended), ipAddress, userAgent, device, location, browserIdHash,
                authentication);
    }

    /**
     * Returns this session with newer activity; an older instant leaves it as it is.
     *
     * @param at the instant of the activity
     * @param newIdleExpiresAt the idle deadline that activity sets
     * @return a copy with the activity recorded, or this record when {@code at} is not later
     */
    public SessionRecord withActivity(Instant at, Instant newIdleExpiresAt) {
        if (!at.isAfter(lastAccessedAt)) {
            return this;
        }
        return new SessionRecord(id, tokenHash, principal, createdAt, at, newIdleExpiresAt,
                absoluteExpiresAt, ending, ipAddress, userAgent, device, location, browserIdHash, authentication);
    }
}
