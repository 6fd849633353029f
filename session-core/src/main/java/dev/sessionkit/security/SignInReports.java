package dev.sessionkit.security;

import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.EndReason;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "This wasn't me": the owner reports a sign-in, which ends its session (and, when asked, every other session of
 * the account) and is recorded once as {@code user_reported_signin}. The same report from a link, from the REST API
 * or clicked twice is one report. Thread-safe.
 */
public final class SignInReports {

    /** The events a report may name: those carrying a sign-in's session. */
    public static final Set<EventType> REPORTABLE = EnumSet.of(EventType.AUTHN_LOGIN_SUCCESS,
            EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL, EventType.RISK_NEW_DEVICE, EventType.RISK_NEW_COUNTRY,
            EventType.AUTHN_IMPOSSIBLE_TRAVEL, EventType.RISK_MANY_FAILURES, EventType.RISK_MANY_COUNTRIES);

    private final SecurityEventLog log;
    private final EventFactory events;
    private final SessionService service;
    private final ReportLinks links;

    /**
     * Reports on a log.
     *
     * @param log the event log
     * @param events builds the report event
     * @param service ends the sessions
     * @param links checks link tokens
     */
    public SignInReports(SecurityEventLog log, EventFactory events, SessionService service, ReportLinks links) {
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.service = Objects.requireNonNull(service, "service");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** What a report did. */
    public enum Outcome {
        /** The report was recorded now and the sessions ended. */
        REPORTED,
        /** This sign-in was reported before; nothing more happened. */
        ALREADY_REPORTED,
        /** The link is past its lifetime. */
        EXPIRED,
        /** The link or id names no reportable event. */
        UNKNOWN
    }

    /**
     * The result of a report.
     *
     * @param outcome what happened
     * @param ended sessions this report ended
     * @param event the reported event, when known
     */
    public record Result(Outcome outcome, int ended, Optional<SecurityEvent> event) {
    }

    /**
     * Returns the token for an alert's link, for the app's mail.
     *
     * @param event the alert (a sign-in)
     * @return the text for the link's {@code token} parameter
     */
    public String linkToken(SecurityEvent event) {
        return links.tokenFor(event.id());
    }

    /**
     * Looks at a link without acting, for the confirmation page a GET shows.
     *
     * @param token the link's token
     * @return the outcome the link would have (REPORTED meaning "not yet reported") and the event
     */
    public Result peek(String token) {
        ReportLinks.Checked checked = links.check(token);
        if (checked instanceof ReportLinks.Checked.Expired) {
            return new Result(Outcome.EXPIRED, 0, Optional.empty());
        }
        if (!(checked instanceof ReportLinks.Checked.Valid valid)) {
            return new Result(Outcome.UNKNOWN, 0, Optional.empty());
        }
        Optional<SecurityEvent> event = reportable(valid.event());
        if (event.isEmpty()) {
            return new Result(Outcome.UNKNOWN, 0, Optional.empty());
        }
        boolean done = log.store().find(reportId(event.get().id())).isPresent();
        return new Result(done ? Outcome.ALREADY_REPORTED : Outcome.REPORTED, 0, event);
    }

    /**
     * Acts on a link.
     *
     * @param token the link's token
     * @param alsoOthers whether to end every other session of the account too
     * @return what happened
     */
    public Result reportByLink(String token, boolean alsoOthers) {
        Result peeked = peek(token);
        if (peeked.event().isEmpty()) {
            return peeked;
        }
        return report(peeked.event().get(), alsoOthers, Optional.empty());
    }

    /**
     * Reports an event of the signed-in user, from the API.
     *
     * @param userId the user asking; someone else's event is {@link Outcome#UNKNOWN}
     * @param id the event
     * @param alsoOthers whether to end the account's other sessions too
     * @param keep the asking user's own session, kept when ending the others
     * @return what happened
     */
    public Result reportOwn(String userId, EventId id, boolean alsoOthers,
            Optional<dev.sessionkit.session.SessionId> keep) {
        Optional<SecurityEvent> event = reportable(id).filter(e -> e.userId().equals(Optional.of(userId)));
        return event.map(e -> report(e, alsoOthers, keep))
                .orElseGet(() -> new Result(Outcome.UNKNOWN, 0, Optional.empty()));
    }

    private Result report(SecurityEvent reported, boolean alsoOthers,
            Optional<dev.sessionkit.session.SessionId> keep) {
        SecurityEvent report = new SecurityEvent(reportId(reported.id()), events.now(),
                EventType.USER_REPORTED_SIGNIN, EventOutcome.SUCCESS, reported.userId(), reported.sessionId(),
                reported.ipAddress(), reported.device(), reported.location(), Optional.empty(), Set.of(),
                alsoOthers ? EventAction.END_ALL_SESSIONS : EventAction.END_SESSION, reported.id().value());
        if (!log.recordOnce(report)) {
            return new Result(Outcome.ALREADY_REPORTED, 0, Optional.of(reported));
        }
        String userId = reported.userId().orElseThrow();
        int ended = reported.sessionId().flatMap(id -> service.end(id, EndReason.REVOKED_BY_USER)).isPresent() ? 1
                : 0;
        if (alsoOthers) {
            ended += keep.isPresent() ? service.endOthers(userId, keep.get(), EndReason.REVOKED_BY_USER)
                    : service.endAllOfUser(userId, EndReason.REVOKED_BY_USER);
        }
        return new Result(Outcome.REPORTED, ended, Optional.of(reported));
    }

    private Optional<SecurityEvent> reportable(EventId id) {
        return log.store().find(id).filter(e -> REPORTABLE.contains(e.type()) && e.sessionId().isPresent()
                && e.userId().isPresent());
    }

    /** The one id a report of an event can have, on every node and every path. */
    static EventId reportId(EventId reported) {
        return EventId.derived("user_reported_signin:" + reported.value());
    }
}
