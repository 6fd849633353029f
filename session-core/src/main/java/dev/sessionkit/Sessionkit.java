package dev.sessionkit;

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
import dev.sessionkit.store.EndedSessionsChannels;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.BufferedActivityStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.memory.InMemoryLeases;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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

    private final SessionkitSettings settings;
    private final SessionStore store;
    private final LocationResolver locations;
    private final SessionService service;
    private final SessionQueries queries;
    private final SessionCleanup cleanup;
    private final BufferedActivityStore activity;
    private final ActivityFlusher flusher;

    private Sessionkit(Builder builder, SessionStore storeOfRecord, LocationResolver locations) {
        this.settings = builder.settings;
        this.activity = new BufferedActivityStore(storeOfRecord,
                ActivityFlusher.activityLag(settings.touchInterval()), builder.clock);
        Duration latency = settings.revocationLatency();
        this.store = latency.isZero() ? activity : new CachingSessionStore(activity, latency, builder.clock,
                storeOfRecord instanceof EndedSessionsChannels channels ? channels.openEndedSessionsChannel()
                        : Optional.empty());
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
                .build();
        this.queries = new SessionQueries(store, storeOfRecord instanceof SessionReports reports
                ? Optional.of(reports) : Optional.empty(), builder.clock);
        // A store its nodes cannot coordinate through is not shared: this node's own turns are enough.
        LeaseStore leases = storeOfRecord instanceof LeaseStore shared ? shared : new InMemoryLeases();
        this.cleanup = new SessionCleanup(store, leases, listeners, builder.clock, settings.historyRetention(),
                settings.cleanupInterval().multipliedBy(2), builder.nodeId, CLEANUP_BATCH_SIZE, CLEANUP_MAX_BATCHES);
        this.flusher = new ActivityFlusher(activity, settings.touchInterval());
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
        flusher.close();
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
            SessionStore opened = null;
            try {
                SessionStore storeOfRecord = store != null ? store
                        : (opened = SettingsStores.open(settings, Optional.ofNullable(dataSource)));
                return new Sessionkit(this, storeOfRecord, locations);
            } catch (RuntimeException e) {
                // A store opened here holds a connection pool: nobody else could ever close it.
                closeAfterFailure(opened, e);
                locations.close();
                throw e;
            }
        }

        private static void closeAfterFailure(SessionStore opened, RuntimeException failure) {
            if (opened == null) {
                return;
            }
            try {
                opened.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
