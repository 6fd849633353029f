package dev.sessionkit;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.location.LocationResolvers;
import dev.sessionkit.security.SecurityEventListener;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.store.SessionStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Collects what {@link Sessionkit} needs besides settings; every part has a default. */
public final class SessionkitBuilder {
    final SessionkitSettings settings;
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    DeviceDetector devices;
    final List<SessionListener> listeners = new ArrayList<>();
    final List<SecurityEventListener> securityListeners = new ArrayList<>();
    SessionStore store;
    DataSource dataSource;
    String nodeId = "node-" + UUID.randomUUID();
    boolean forTools;

    SessionkitBuilder(SessionkitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets the clock; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public SessionkitBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the randomness for tokens and ids; default a new {@link SecureRandom}.
     *
     * @param random the randomness
     * @return this builder
     */
    public SessionkitBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Sets the device detector; default {@link DeviceDetector#standard()}.
     *
     * @param devices the detector
     * @return this builder
     */
    public SessionkitBuilder devices(DeviceDetector devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
        return this;
    }

    /**
     * Adds a listener that hears sessions start and end.
     *
     * @param listener the listener
     * @return this builder
     */
    public SessionkitBuilder listener(SessionListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Adds a listener that hears every security event and every alert, e.g. to mail "new sign-in".
     *
     * @param listener the listener
     * @return this builder
     */
    public SessionkitBuilder securityListener(SecurityEventListener listener) {
        this.securityListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Uses this store instead of the one the settings describe, e.g. an in-memory store in tests.
     *
     * @param store the store; closed by {@link SessionkitSessionkit#close()}
     * @return this builder
     */
    public SessionkitBuilder store(SessionStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Uses this DataSource instead of looking up the {@code datasource} setting in JNDI.
     *
     * @param dataSource the container's pooled data source
     * @return this builder
     */
    public SessionkitBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /**
     * Names this node for the cleanup lease; default a random name.
     *
     * @param nodeId a name unique among the nodes sharing the database
     * @return this builder
     */
    public SessionkitBuilder nodeId(String nodeId) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        return this;
    }

    /**
     * Builds for a tool (the command line): the store of record with no validation cache and no activity
     * buffer, so every read and write goes to the database at once and nothing is kept in memory.
     *
     * @return this builder
     */
    public SessionkitBuilder forTools() {
        this.forTools = true;
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
