package dev.sessionkit;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.MonitoringSettingKeys;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.maintenance.SessionCleanup;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.config.RememberMeSettingKeys;
import dev.sessionkit.maintenance.Health;
import dev.sessionkit.metrics.ActiveCount;
import dev.sessionkit.metrics.SessionCounts;
import dev.sessionkit.maintenance.HealthCheck;
import dev.sessionkit.remember.RememberMe;
import dev.sessionkit.remember.RememberMeSettings;
import dev.sessionkit.security.AuditLog;
import dev.sessionkit.security.EventFactory;
import dev.sessionkit.security.LoginDefence;
import dev.sessionkit.security.MonitoringSettings;
import dev.sessionkit.security.Replays;
import dev.sessionkit.security.ReportLinks;
import dev.sessionkit.security.SignInReports;
import dev.sessionkit.security.SecurityEventLog;
import dev.sessionkit.security.SecurityMonitoring;
import dev.sessionkit.security.SecurityQueries;
import dev.sessionkit.security.SessionDrift;
import dev.sessionkit.security.SessionEndEvents;
import dev.sessionkit.security.SignIns;
import dev.sessionkit.security.StepUp;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.service.SessionQueries;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.store.EndedSessionsChannels;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.SecurityStores;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.BufferedActivityStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.memory.InMemoryLeases;
import dev.sessionkit.store.memory.InMemorySecurityStores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One running Sessionkit: the store, the services and the cleanup built from one settings object, and closed
 * together. The web layer builds one per servlet context at start-up; everything that can be wrong (a bad
 * setting, an unreachable database, missing tables) fails {@link SessionkitBuilder#build()} with an
 * {@link InvalidSettingException} naming the key and the fix.
 *
 * <p>Starts no thread of its own: whoever runs it runs {@link #periodicTasks()} with {@link BackgroundWork} (the
 * servlet layer does, once per web app). Thread-safe and immutable once built.
 */
public final class Sessionkit implements AutoCloseable {

    /** Rows per cleanup statement: small enough that no statement holds locks for long. */
    public static final int CLEANUP_BATCH_SIZE = 500;
    /** Batches per kind of cleanup work in one run; the rest waits for the next run. */
    public static final int CLEANUP_MAX_BATCHES = 100;
    /** How often the active sessions are counted for {@link #counts()}: a GROUP BY, never per request. */
    static final Duration ACTIVE_COUNT_PERIOD = Duration.ofSeconds(30);

    private final SessionkitSettings settings;
    private final SessionStore store;
    private final LocationResolver locations;
    private final SessionService service;
    private final SessionQueries queries;
    private final SessionCleanup cleanup;
    private final SecurityMonitoring security;
    private final RememberMe rememberMe;
    private final HealthCheck health;
    /** Counted from the first session on, so built before everything that may start or end one. */
    private final SessionCounts counts = new SessionCounts();
    private final Optional<Runnable> activeCount;
    /** Empty for tools, which write at once and keep nothing in memory. */
    private final Optional<BufferedActivityStore> activity;

    Sessionkit(SessionkitBuilder builder, SessionStore storeOfRecord, LocationResolver locations) {
        this.settings = builder.settings;
        this.activity = builder.forTools ? Optional.empty() : Optional.of(new BufferedActivityStore(storeOfRecord,
                ActivityTiming.activityLag(settings.touchInterval()), builder.clock));
        this.store = activity.isEmpty() ? storeOfRecord : cached(activity.get(), storeOfRecord, builder.clock);
        this.locations = locations;
        // The standard detector loads its parser rules (~0.25 s), so it is built only when none was given.
        DeviceDetector devices = builder.devices != null ? builder.devices : DeviceDetector.standard();
        MonitoringSettings monitored = settings.monitoring();
        SecurityStores securityStores = storeOfRecord instanceof SecurityStores shared ? shared
                : new InMemorySecurityStores();
        EventFactory events = new EventFactory(builder.random, builder.clock, devices, locations);
        SecurityEventLog log = new SecurityEventLog(securityStores.securityEvents(), new AuditLog(),
                builder.securityListeners);
        List<SessionListener> counted = new ArrayList<>(builder.listeners);
        counted.add(counts);
        SessionListeners listeners = new SessionListeners(counted,
                List.of(new SessionEndEvents(events, log)));
        this.service = SessionService.builder(store, new ExpiryPolicy(settings.idleTimeout(),
                        settings.absoluteTimeout(), settings.touchInterval()))
                .limit(new SessionLimit(settings.maxSessionsPerUser(), settings.maxSessionsPolicy()))
                .random(builder.random)
                .devices(devices)
                .locations(locations)
                .listeners(listeners)
                .validations(counts)
                .clock(builder.clock)
                .build();
        this.queries = new SessionQueries(store, storeOfRecord instanceof SessionReports reports
                ? Optional.of(reports) : Optional.empty(), builder.clock);
        // A store its nodes cannot coordinate through is not shared: this node's own turns are enough.
        LeaseStore leases = storeOfRecord instanceof LeaseStore shared ? shared : new InMemoryLeases();
        this.cleanup = new SessionCleanup(store, leases, listeners, builder.clock, settings.historyRetention(),
                settings.cleanupInterval().multipliedBy(2), builder.nodeId, CLEANUP_BATCH_SIZE, CLEANUP_MAX_BATCHES,
                SecurityMonitoring.purges(securityStores, monitored));
        LoginDefence defence = new LoginDefence(securityStores.loginAttempts(), log, events, monitored);
        this.security = new SecurityMonitoring(log, defence,
                new SignIns(service, store, defence, log, events, monitored),
                new Replays(log, events, service, monitored.policy()),
                new SessionDrift(log, events, service, devices, locations, monitored.policy()),
                new SignInReports(log, events, service, new ReportLinks(ReportLinks.secret(
                        settings.get(MonitoringSettingKeys.ALERT_LINK_SECRET), builder.random), builder.clock)),
                new SecurityQueries(securityStores.securityEvents(), builder.clock),
                new StepUp(builder.clock, settings.get(MonitoringSettingKeys.PRIVILEGED_SESSION_MAX_AGE)));
        this.activeCount = storeOfRecord instanceof SessionReports reports && !builder.forTools
                ? Optional.of(new ActiveCount(reports, builder.clock, counts)) : Optional.empty();
        this.health = new HealthCheck(storeOfRecord, store, activity, cleanup, builder.random);
        this.rememberMe = new RememberMe(securityStores.rememberMe(), security.signIns(), service, log, events,
                builder.clock, builder.random, new RememberMeSettings(settings.get(RememberMeSettingKeys.LIFETIME),
                        settings.get(RememberMeSettingKeys.MAX_DEVICES)));
    }

    /** The validation cache over the buffer, hearing other nodes' ends when the store has a channel. */
    private SessionStore cached(BufferedActivityStore buffer, SessionStore storeOfRecord, Clock clock) {
        Duration latency = settings.revocationLatency();
        return latency.isZero() ? buffer : new CachingSessionStore(buffer, latency, clock,
                storeOfRecord instanceof EndedSessionsChannels channels ? channels.openEndedSessionsChannel()
                        : Optional.empty(), settings.validationCacheSize());
    }

    /**
     * Returns the work to run periodically while this instance serves requests: writing buffered activity (every
     * second, or every touch interval when shorter) and cleanup (every {@code cleanup-interval}). Sessionkit starts
     * no thread for them itself; the servlet layer runs them with {@link BackgroundWork}, and so must an app that
     * uses Sessionkit without the filter.
     *
     * @return the tasks; for tools, cleanup only
     */
    public List<PeriodicTask> periodicTasks() {
        List<PeriodicTask> tasks = new ArrayList<>();
        activity.ifPresent(buffer -> tasks.add(new PeriodicTask("activity-flush",
                ActivityTiming.flushPeriod(settings.touchInterval()), buffer::flushOrKeep)));
        tasks.add(new PeriodicTask("cleanup", settings.cleanupInterval(), cleanup));
        activeCount.ifPresent(count -> tasks.add(new PeriodicTask("active-count", ACTIVE_COUNT_PERIOD, count)));
        return List.copyOf(tasks);
    }

    /**
     * Writes the session activity buffered since the last flush now, instead of within the next second. For
     * tests and tools that read last-access from the database; requests never need it.
     *
     * @return how many sessions' activity the store wrote
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot take it (kept for later)
     */
    public int flushActivity() {
        return activity.map(BufferedActivityStore::flush).orElse(0);
    }

    /**
     * Starts building from settings.
     *
     * @param settings the resolved settings
     * @return a builder with the defaults for everything else
     */
    public static SessionkitBuilder builder(SessionkitSettings settings) {
        return new SessionkitBuilder(settings);
    }

    /**
     * Returns the settings this instance was built from.
     *
     * @return the settings
     */
    public SessionkitSettings settings() {
        return settings;
    }

    /**
     * Returns the service for every change to sessions.
     *
     * @return the service
     */
    public SessionService service() {
        return service;
    }

    /**
     * Returns the reads.
     *
     * @return the queries
     */
    public SessionQueries queries() {
        return queries;
    }

    /**
     * Returns security monitoring: monitored sign-in, the attempt defence and the event log.
     *
     * @return the monitoring of this instance
     */
    public SecurityMonitoring security() {
        return security;
    }

    /**
     * Returns this instance's figures (sessions created and ended, validations, active sessions as last counted),
     * for {@link dev.sessionkit.metrics.SessionkitMeterBinder} or {@link dev.sessionkit.metrics.SessionkitStats}.
     *
     * @return the live counters
     */
    public SessionCounts counts() {
        return counts;
    }

    /**
     * Signs a user out everywhere, for good: ends every session and forgets every remembered device, so no cookie
     * signs them back in. The one call for an account that is disabled or deleted, and for an admin's "sign out".
     *
     * @param userId the user
     * @param reason the end reason, e.g. {@link dev.sessionkit.session.EndReason#REVOKED_BY_ADMIN}
     * @return how many active sessions ended
     */
    public int signOutEverywhere(String userId, dev.sessionkit.session.EndReason reason) {
        int ended = service.endAllOfUser(userId, reason);
        rememberMe.forgetAllOf(userId, Optional.empty(), reason);
        return ended;
    }

    /**
     * Checks health now: whether the store answers (one indexed read), this node's cache, buffer and cleanup.
     *
     * @return what was found; a store that cannot answer is reported, not thrown
     */
    public Health health() {
        return health.check();
    }

    /**
     * Returns the remembered devices ("keep me signed in"): remember one at sign-in, resume a session from its
     * cookie, forget one or all of a user's.
     *
     * @return the remembered devices of this instance
     */
    public RememberMe rememberMe() {
        return rememberMe;
    }

    /**
     * Returns the cleanup job, to be scheduled every {@code cleanup-interval} by the web layer.
     *
     * @return the cleanup
     */
    public SessionCleanup cleanup() {
        return cleanup;
    }

    /**
     * Returns the store as requests use it: behind the validation cache and the activity buffer.
     *
     * @return the store
     */
    public SessionStore store() {
        return store;
    }

    /**
     * Writes buffered activity, then closes the store (its connection pool) and the location database. Close the
     * {@link BackgroundWork} running {@link #periodicTasks()} first.
     */
    @Override
    public void close() {
        try {
            // The store stack flushes the last activity before closing the database.
            store.close();
        } finally {
            locations.close();
        }
    }
}
