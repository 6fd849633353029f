package dev.sessionkit.security;

import dev.sessionkit.location.GeoPoint;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Monitored sign-in: reads the account's recent sign-ins and failed attempts, starts the session, judges the risk
 * signals, records the sign-in and each signal as events, and applies the policy. Thread-safe.
 *
 * <p>Everything that can fail before the session exists does (the reads), so a store that cannot answer fails the
 * sign-in closed rather than starting an unwatched session.
 */
public final class SignIns {

    /** Previous sign-ins a new one is compared with. */
    static final int HISTORY = 20;

    private final SessionService service;
    private final SessionStore sessions;
    private final LoginDefence defence;
    private final SecurityEventLog log;
    private final EventFactory events;
    private final RiskEvaluator risk;
    private final RiskPolicy policy;

    /**
     * Monitored sign-ins on a service.
     *
     * @param service starts and ends sessions
     * @param sessions the account's active sessions, read before a sign-in
     * @param defence the attempt counts
     * @param log the event log
     * @param events builds events
     * @param settings the travel speed and the policy
     */
    public SignIns(SessionService service, SessionStore sessions, LoginDefence defence, SecurityEventLog log, EventFactory events,
            MonitoringSettings settings) {
        this.service = Objects.requireNonNull(service, "service");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.defence = Objects.requireNonNull(defence, "defence");
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.risk = new RiskEvaluator(settings.travelKmPerHour());
        this.policy = settings.policy();
    }

    /**
     * Signs a user in whose password the app just checked.
     *
     * @param principal who signed in
     * @param client where from
     * @return the session, the signals and the action taken; when {@link SignIn#blocked()} the session is ended
     * @throws dev.sessionkit.store.SessionLimitReachedException when the user is at the limit and it rejects
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public SignIn signIn(SessionPrincipal principal, ClientInfo client) {
        return signIn(principal, client, Authentication.PASSWORD, OptionalInt.empty());
    }

    /**
     * Signs a user in who proved a credential in a named way, as {@link #signIn(SessionPrincipal, ClientInfo)}.
     *
     * @param principal who signed in
     * @param client where from
     * @param method how, e.g. {@code password}, {@code webauthn}, {@code container} (see {@link Authentication})
     * @param level the assurance level the app assigns, when it uses them
     * @return the session, the signals and the action taken
     */
    public SignIn signIn(SessionPrincipal principal, ClientInfo client, String method, OptionalInt level) {
        Optional<GeoPoint> point = events.point(client.ipAddress());
        List<SecurityEvent> history = log.store().recentSignIns(principal.userId(), HISTORY);
        FailureCounts failures = defence.countsFor(principal.username(), client.ipAddress());
        // Only a located sign-in can add a country to the account's active ones; unlocated, the read is skipped.
        List<SessionRecord> activeBefore = events.located(client.ipAddress())
                ? sessions.listActive(principal.userId(), events.now()) : List.of();
        IssuedSession issued = service.login(principal, client, method, level);
        if (failures.pair() > 0) {
            defence.forget(principal.username(), client.ipAddress());
        }
        SessionRecord session = issued.session();
        Map<RiskSignal, String> fired = risk.evaluate(history, session, point, issued.newDevice(), failures,
                activeBefore);
        EventAction action = EventAction.RECORD;
        List<SecurityEvent> recorded = new ArrayList<>();
        for (Map.Entry<RiskSignal, String> signal : fired.entrySet()) {
            EventAction taken = policy.actionFor(signal.getKey());
            action = action.atLeast(taken);
            recorded.add(events.aboutSession(signal.getKey().eventType(), EventOutcome.SUCCESS, session,
                    Set.of(signal.getKey()), taken, signal.getValue(), point));
        }
        EventType type = failures.account() > 0 ? EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL
                : EventType.AUTHN_LOGIN_SUCCESS;
        // The detail says how the user proved who they are, e.g. password.
        recorded.add(0, events.aboutSession(type, EventOutcome.SUCCESS, session, fired.keySet(), action, method,
                point));
        log.record(recorded);
        apply(action, session);
        return new SignIn(issued, fired.keySet(), action);
    }

    /**
     * Renews a session whose user just proved a credential again (a step-up): the session is replaced, the new one
     * recent for {@link StepUp}, and {@code authn_reauthenticated} is recorded about it.
     *
     * @param presentedToken the session's token
     * @param method how the credential was proved, e.g. {@code password}
     * @param level the assurance level the app assigns, when it uses them
     * @return the new session and its token; empty when the token was not valid
     */
    public Optional<IssuedSession> reauthenticate(String presentedToken, String method, OptionalInt level) {
        Optional<IssuedSession> renewed = service.reauthenticate(presentedToken, method, level);
        renewed.ifPresent(issued -> log.record(List.of(events.aboutSession(EventType.AUTHN_REAUTHENTICATED,
                EventOutcome.SUCCESS, issued.session(), Set.of(), EventAction.RECORD, method, Optional.empty()))));
        return renewed;
    }

    /**
     * Records that the user of a session changed their password ({@code authn_password_change}); the ends of their
     * other sessions are recorded as they happen.
     *
     * @param session the session the change was made from
     */
    public void passwordChanged(SessionRecord session) {
        log.record(List.of(events.aboutSession(EventType.AUTHN_PASSWORD_CHANGE, EventOutcome.SUCCESS, session,
                Set.of(), EventAction.RECORD, "", Optional.empty())));
    }

    private void apply(EventAction action, SessionRecord session) {
        switch (action) {
            case END_SESSION -> service.end(session.id(), EndReason.SECURITY_POLICY);
            case END_ALL_SESSIONS -> service.endAllOfUser(session.userId(), EndReason.SECURITY_POLICY);
            default -> {
                // Recording and notifying happened with the events.
            }
        }
    }
}
