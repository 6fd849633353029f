package dev.sessionkit;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.DataSourceNotFoundException;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.location.LocationResolvers;
import dev.sessionkit.maintenance.SessionCleanup;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.service.SessionQueries;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.store.OutageLog;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.BufferedActivityStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * One running Sessionkit: the store, the services and the cleanup built from one settings object, and closed
 * together. The web layer builds one per servlet context at start-up; everything that can be wrong (a bad
 * setting, an unreachable database, missing tables) fails {@link Builder#build()} with an
 * {@link InvalidSettingException} naming the key and the fix.
 *
 * <p>Thread-safe and immutable once built.
 */
public final class Sessionkit implements AutoCloseable {

    /** Rows per cleanup statement: small enough that no statement holds locks for long. */
    public static final int CLEANUP_BATCH_SIZE = 500;
    /** Batches per kind of cleanup work in one run; the rest waits for the next run. */
    public static final int CLEANUP_MAX_BATCHES = 100;

    private static final Duration MAX_FLUSH_PERIOD = Duration.ofSeconds(1);
    private static final Duration MIN_FLUSH_PERIOD = Duration.ofMillis(50);

    private static final System.Logger LOG = System.getLogger(Sessionkit.class.getName());

    private final SessionkitSettings settings;
    private final SessionStore store;
    private final LocationResolver locations;
    private final SessionService service;
    private final SessionQueries queries;
    private final SessionCleanup cleanup;
    private final BufferedActivityStore activity;
    private final ScheduledExecutorService flusher;
    private final AtomicReference<Thread> flusherThread = new AtomicReference<>();
    /** Flush failures: at most one line per 10 s with a count; the store itself logs why and when it is back. */
    private final OutageLog flushFailures;

    private Sessionkit(Builder builder, SessionStore storeOfRecord, LocationResolver locations) {
        this.settings = builder.settings;
        this.activity = new BufferedActivityStore(storeOfRecord);
        Duration latency = settings.revocationLatency();
        this.store = latency.isZero() ? activity : new CachingSessionStore(activity, latency, builder.clock);
        this.locations = locations;
        SessionListeners listeners = new SessionListeners(builder.listeners);
        this.service = SessionService.builder(store, new ExpiryPolicy(settings.idleTimeout(),
                        settings.absoluteTimeout(), settings.touchInterval()))
                .limit(new SessionLimit(settings.maxSessionsPerUser(), settings.maxSessionsPolicy()))
                .random(builder.random)
                // The standard detector loads its parser rules (~0.25 s), so it is built only when none was given.
                .devices(builder.devices != null ? builder.devices : DeviceDetector.standard())
                .locations(locations)
                .listeners(listeners)
                .clock(builder.clock)
                .deferredActivity(activityLag(settings.touchInterval()), this::flushQuietly)
                .build();
        this.queries = new SessionQueries(store, builder.clock);
        this.flushFailures = new OutageLog(LOG, "Activity writing", Duration.ofSeconds(10), builder.clock);
        this.cleanup = new SessionCleanup(store, listeners, builder.clock, settings.historyRetention(),
                settings.cleanupInterval().multipliedBy(2), builder.nodeId, CLEANUP_BATCH_SIZE, CLEANUP_MAX_BATCHES);
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sessionkit-activity-flush");
            thread.setDaemon(true);
            flusherThread.set(thread);
            return thread;
        });
        long period = flushPeriod(settings.touchInterval()).toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * How often buffered activity is written: every second, or every touch interval when that is shorter, so a
     * crash loses at most one touch interval plus this of last-access.
     */
    static Duration flushPeriod(Duration touchInterval) {
        Duration period = touchInterval.compareTo(MAX_FLUSH_PERIOD) < 0 ? touchInterval : MAX_FLUSH_PERIOD;
        return period.compareTo(MIN_FLUSH_PERIOD) < 0 ? MIN_FLUSH_PERIOD : period;
    }

    /**
     * The longest buffered activity may take to reach the database: up to one flush period of waiting, then the
     * flush that drains it, possibly after one still running, with a generous second for each.
     */
    static Duration activityLag(Duration touchInterval) {
        return flushPeriod(touchInterval).plus(Duration.ofSeconds(2));
    }

    private void flushQuietly() {
        try {
            activity.flush();
        } catch (RuntimeException e) {
            // Kept for the next flush. Throttled: a flush runs every second, and an outage must not flood the log.
            // No stack trace and no "is back" line here: the store's own outage log has both.
            flushFailures.failed("could not write the activity of " + activity.pendingCount()
                    + " sessions; kept for the next flush: " + CredentialRedactor.redactText(e.getMessage()), null);
        }
    }

    /**
     * Writes the session activity buffered since the last flush now, instead of within the next second. For
     * tests and tools that read last-access from the database; requests never need it.
     *
     * @return how many sessions' activity the store wrote
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot take it (kept for later)
     */
    public int flushActivity() {
        return activity.flush();
    }

    /**
     * Starts building from settings.
     *
     * @param settings the resolved settings
     * @return a builder with the defaults for everything else
     */
    public static Builder builder(SessionkitSettings settings) {
        return new Builder(settings);
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

    /** Writes buffered activity, then closes the store (its connection pool) and the location database. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The activity flush did not stop within 5 s");
            }
            Thread thread = flusherThread.get();
            if (thread != null) {
                // Containers check for leftover threads right after undeploy; a terminated pool's thread may
                // still be finishing.
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // The store stack flushes the last activity before closing the database.
            store.close();
        } finally {
            locations.close();
        }
    }

    /** Collects what Sessionkit needs besides settings; every part has a default. */
    public static final class Builder {
        private final SessionkitSettings settings;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private DeviceDetector devices;
        private final List<SessionListener> listeners = new ArrayList<>();
        private SessionStore store;
        private DataSource dataSource;
        private String nodeId = "node-" + UUID.randomUUID();

        private Builder(SessionkitSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /**
         * Sets the clock; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the randomness for tokens and ids; default a new {@link SecureRandom}.
         *
         * @param random the randomness
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Sets the device detector; default {@link DeviceDetector#standard()}.
         *
         * @param devices the detector
         * @return this builder
         */
        public Builder devices(DeviceDetector devices) {
            this.devices = Objects.requireNonNull(devices, "devices");
            return this;
        }

        /**
         * Adds a listener that hears sessions start and end.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SessionListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Uses this store instead of the one the settings describe, e.g. an in-memory store in tests.
         *
         * @param store the store; closed by {@link Sessionkit#close()}
         * @return this builder
         */
        public Builder store(SessionStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Uses this DataSource instead of looking up the {@code datasource} setting in JNDI.
         *
         * @param dataSource the container's pooled data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Names this node for the cleanup lease; default a random name.
         *
         * @param nodeId a name unique among the nodes sharing the database
         * @return this builder
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
            return this;
        }

        /**
         * Opens the store and builds the services.
         *
         * @return the running instance; close it on shutdown
         * @throws InvalidSettingException naming the key and the fix when anything cannot work
         */
        public Sessionkit build() {
            LocationResolver locations = LocationResolvers.fromSetting(settings.geoipDatabase());
            try {
                return new Sessionkit(this, openStore(), locations);
            } catch (RuntimeException e) {
                locations.close();
                throw e;
            }
        }

        private SessionStore openStore() {
            if (store != null) {
                return store;
            }
            Optional<DataSource> source = Optional.ofNullable(dataSource)
                    .or(() -> settings.datasource().map(Builder::lookup));
            if (source.isPresent()) {
                return JpaSessionStores.open(source.get(), settings.schema());
            }
            if (settings.jdbcUrl().equals(SessionkitSettings.defaults().jdbcUrl())) {
                LOG.log(System.Logger.Level.WARNING, "Sessionkit is using its demo database "
                        + settings.jdbcUrl() + "; set jdbc-url or datasource for production.");
            }
            return JpaSessionStores.open(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                    settings.schema());
        }

        private static DataSource lookup(String name) {
            try {
                InitialContext context = new InitialContext();
                try {
                    return (DataSource) context.lookup(name);
                } catch (NamingException notGlobal) {
                    // Containers bind resources under java:comp/env/; accept the short name users often write.
                    if (name.startsWith("java:")) {
                        throw notGlobal;
                    }
                    return (DataSource) context.lookup("java:comp/env/" + name);
                }
            } catch (NamingException | ClassCastException e) {
                throw new DataSourceNotFoundException(name, "Cannot find the DataSource '" + name
                        + "' in JNDI: " + CredentialRedactor.redactText(e.getMessage()) + ". Define it in the container (e.g. a <Resource> in "
                        + "Tomcat's context.xml) or set jdbc-url instead.", e);
            }
        }
    }
}
