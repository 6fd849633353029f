package dev.sessionkit.security;

import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stolen-cookie check: the token of a session that was ended on purpose (logout, revocation, eviction,
 * rotation, password change) presented again from another browser than its own is a copy: another browser id,
 * or, without one, another address. Recorded once per
 * session across all nodes as {@code session_use_after_expire}, and the policy for {@link RiskSignal#USE_AFTER_END}
 * applied. The owner's own browser sending its just-ended cookie (a second tab, a parallel request after rotation)
 * is no alarm, and neither is a cookie that outlived its session's expiry.
 */
public final class Replays {

    private static final Set<EndReason> ON_PURPOSE = EnumSet.of(EndReason.LOGOUT, EndReason.REVOKED_BY_USER,
            EndReason.REVOKED_BY_ADMIN, EndReason.EVICTED_BY_LIMIT, EndReason.ROTATED, EndReason.PASSWORD_CHANGED,
            EndReason.SECURITY_POLICY);

    private final SecurityEventLog log;
    private final EventFactory events;
    private final SessionService service;
    private final RiskPolicy policy;

    /**
     * A check on a log.
     *
     * @param log records the replay
     * @param events builds the event
     * @param service ends sessions when the policy says so
     * @param policy the action for {@link RiskSignal#USE_AFTER_END}
     */
    public Replays(SecurityEventLog log, EventFactory events, SessionService service, RiskPolicy policy) {
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.service = Objects.requireNonNull(service, "service");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Judges an ended session's token presented again.
     *
     * @param ended the session the token belonged to
     * @param ipAddress the address it came from now
     * @param browserId the browser-id cookie it came with now, if any
     * @return the event when this was a copy seen for the first time
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public Optional<SecurityEvent> presented(SessionRecord ended, String ipAddress, Optional<String> browserId) {
        EndReason reason = ended.ending().map(e -> e.reason()).orElse(null);
        if (reason == null || !ON_PURPOSE.contains(reason) || !fromElsewhere(ended, ipAddress, browserId)) {
            return Optional.empty();
        }
        EventAction action = policy.actionFor(RiskSignal.USE_AFTER_END);
        SecurityEvent event = new SecurityEvent(EventId.derived("session_use_after_expire:" + ended.id()),
                events.now(), EventType.SESSION_USE_AFTER_EXPIRE, EventOutcome.FAILURE, Optional.of(ended.userId()),
                Optional.of(ended.id()), ipAddress, "", Optional.empty(), Optional.empty(),
                Set.of(RiskSignal.USE_AFTER_END), action, reason.wireName());
        if (!log.recordOnce(event)) {
            return Optional.empty();
        }
        if (action == EventAction.END_ALL_SESSIONS) {
            service.endAllOfUser(ended.userId(), EndReason.SECURITY_POLICY);
        }
        return Optional.of(event);
    }

    /**
     * Another browser: a browser id that differs from the session's, or, when the request sends none (API clients
     * often keep only the session cookie) or the session had none, another address than the session's.
     */
    private static boolean fromElsewhere(SessionRecord ended, String ipAddress, Optional<String> browserId) {
        if (ended.browserIdHash().isPresent() && browserId.isPresent()) {
            return !ended.browserIdHash().get().equals(TokenHash.ofSecret(browserId.get()));
        }
        return !ended.ipAddress().equals(ipAddress);
    }
}
