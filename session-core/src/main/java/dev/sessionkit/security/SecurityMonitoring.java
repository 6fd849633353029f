package dev.sessionkit.security;

import dev.sessionkit.maintenance.Purge;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityStores;
import java.util.List;
import java.util.Objects;

/**
 * Security monitoring of one running Sessionkit: monitored sign-ins, the attempt defence and the event log.
 * Immutable and thread-safe; get it from {@link dev.sessionkit.Sessionkit#security()}.
 */
public final class SecurityMonitoring {

    private final SecurityEventLog log;
    private final LoginDefence defence;
    private final SignIns signIns;
    private final Replays replays;
    private final SignInReports reports;
    private final SessionDrift drift;
    private final SecurityQueries queries;
    private final StepUp stepUp;

    /**
     * Joins the parts.
     *
     * @param log the event log
     * @param defence the attempt defence
     * @param signIns monitored sign-ins
     * @param replays the stolen-cookie check
     * @param drift the check of live sessions switching country or browser
     * @param reports "This wasn't me"
     * @param queries the read side of the log
     * @param stepUp the checks of a credential's age before sensitive actions
     */
    public SecurityMonitoring(SecurityEventLog log, LoginDefence defence, SignIns signIns, Replays replays,
            SessionDrift drift, SignInReports reports, SecurityQueries queries, StepUp stepUp) {
        this.stepUp = Objects.requireNonNull(stepUp, "stepUp");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.drift = Objects.requireNonNull(drift, "drift");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.log = Objects.requireNonNull(log, "log");
        this.defence = Objects.requireNonNull(defence, "defence");
        this.signIns = Objects.requireNonNull(signIns, "signIns");
    }

    /** {@return monitored sign-in, to use instead of {@code SessionService.login}} */
    public SignIns signIns() {
        return signIns;
    }

    /** {@return the sign-in attempt defence: ask before checking a password, report each failure} */
    public LoginDefence defence() {
        return defence;
    }

    /** {@return the stolen-cookie check, for the filter to run on ended tokens} */
    public Replays replays() {
        return replays;
    }

    /** {@return the drift check, for the filter to run when a request records activity} */
    public SessionDrift drift() {
        return drift;
    }

    /** {@return "This wasn't me": link tokens for alerts, and the reports they and the API make} */
    public SignInReports reports() {
        return reports;
    }

    /** {@return the step-up checks: is a session's credential recent enough for a sensitive action} */
    public StepUp stepUp() {
        return stepUp;
    }

    /** {@return the read side of the log: a user's activity, any events, the alert figures} */
    public SecurityQueries queries() {
        return queries;
    }

    /** {@return the event log, for reads through its store} */
    public SecurityEventLog log() {
        return log;
    }

    /** {@return the stored events} */
    public SecurityEventStore events() {
        return log.store();
    }

    /**
     * The cleanup work of monitoring: events past their retention, failures past the window, remembered devices
     * past their lifetime.
     *
     * @param stores the security stores
     * @param settings the retention and the window
     * @return the purges for {@link dev.sessionkit.maintenance.SessionCleanup}
     */
    public static List<Purge> purges(SecurityStores stores, MonitoringSettings settings) {
        return List.of((now, batch) -> stores.securityEvents().purgeBefore(now.minus(settings.eventRetention()), batch),
                (now, batch) -> stores.loginAttempts().purgeBefore(now.minus(settings.failureWindow()), batch),
                (now, batch) -> stores.rememberMe().purgeExpired(now, batch));
    }
}
