package dev.sessionkit.security;

import dev.sessionkit.service.EndRecorder;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records every session end, from every path (logout, revocation, expiry, eviction, rotation, password change,
 * cleanup), as a security event: a batch of ends is one write.
 */
public final class SessionEndEvents implements EndRecorder {

    private final EventFactory factory;
    private final SecurityEventLog log;

    /**
     * Records through a log.
     *
     * @param factory builds the events
     * @param log writes them
     */
    public SessionEndEvents(EventFactory factory, SecurityEventLog log) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void ended(List<SessionRecord> sessions) {
        log.record(sessions.stream().map(this::event).toList());
    }

    private SecurityEvent event(SessionRecord session) {
        EndReason reason = session.ending().orElseThrow(() -> new IllegalArgumentException("session is not ended"))
                .reason();
        return factory.aboutSession(typeOf(reason), EventOutcome.SUCCESS, session, Set.of(), EventAction.RECORD,
                reason.wireName(), Optional.empty());
    }

    /** The event type of an end; the reason itself goes into the event's detail. */
    static EventType typeOf(EndReason reason) {
        return switch (reason) {
            case LOGOUT -> EventType.SESSION_LOGOUT;
            case EXPIRED_IDLE, EXPIRED_ABSOLUTE -> EventType.SESSION_EXPIRED;
            case ROTATED -> EventType.SESSION_RENEWED;
            case REVOKED_BY_USER, REVOKED_BY_ADMIN, EVICTED_BY_LIMIT, PASSWORD_CHANGED, SECURITY_POLICY ->
                    EventType.SESSION_REVOKED;
        };
    }
}
