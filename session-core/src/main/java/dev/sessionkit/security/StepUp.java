package dev.sessionkit.security;

import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.SessionRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Step-up checks: whether a session's last proof of a credential is recent enough for a sensitive action. Reads
 * only the session itself (its {@link Authentication} never changes for a given session id, since re-authentication
 * replaces the session), so a check costs nothing. Thread-safe.
 */
public final class StepUp {

    private final Clock clock;
    private final Duration privilegedMaxAge;

    /**
     * Checks against a clock.
     *
     * @param clock the time of the action
     * @param privilegedMaxAge the {@code privileged-session-max-age} setting; zero turns its checks off
     */
    public StepUp(Clock clock, Duration privilegedMaxAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.privilegedMaxAge = Objects.requireNonNull(privilegedMaxAge, "privilegedMaxAge");
    }

    /** {@return the age the REST API's ending calls allow; zero when the requirement is off} */
    public Duration privilegedMaxAge() {
        return privilegedMaxAge;
    }

    /**
     * Tells whether a session's credential is recent enough.
     *
     * @param session the session asking
     * @param maxAge the oldest proof accepted; zero accepts any session
     * @return true when the action may go ahead
     */
    public boolean isRecent(SessionRecord session, Duration maxAge) {
        return maxAge.isZero() || session.authentication().isRecentAt(clock.instant(), maxAge);
    }

    /**
     * Refuses unless a session's credential is recent enough.
     *
     * @param session the session asking
     * @param maxAge the oldest proof accepted; zero accepts any session
     * @throws ReauthenticationRequiredException when the user must prove a credential again first
     */
    public void require(SessionRecord session, Duration maxAge) {
        if (!isRecent(session, maxAge)) {
            throw new ReauthenticationRequiredException(maxAge);
        }
    }

    /**
     * Refuses unless a session's credential is recent enough for ending sessions
     * ({@code privileged-session-max-age}).
     *
     * @param session the session asking
     * @throws ReauthenticationRequiredException when the user must prove a credential again first
     */
    public void requirePrivileged(SessionRecord session) {
        require(session, privilegedMaxAge);
    }
}
