package dev.sessionkit.service;

import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.location.LocationResolver;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.token.TokenGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/** Collects a {@link SessionService}'s collaborators; every one but the store and expiry policy has a default. */
public final class SessionServiceBuilder {
    final SessionStore store;
    final ExpiryPolicy expiry;
    SessionLimit limit = SessionLimit.unlimited();
    TokenGenerator tokens;
    SecureRandom random = new SecureRandom();
    DeviceDetector devices = DeviceDetector.none();
    LocationResolver locations = LocationResolver.none();
    SessionListeners listeners = SessionListeners.none();
    ValidationCounter validations = ValidationCounter.NONE;
    Clock clock = Clock.systemUTC();

    SessionServiceBuilder(SessionStore store, ExpiryPolicy expiry) {
        this.store = Objects.requireNonNull(store, "store");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * Sets the per-user session limit; default none.
     *
     * @param limit the limit
     * @return this builder
     */
    public SessionServiceBuilder limit(SessionLimit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    /**
     * Sets the randomness for ids and, unless {@link #tokens} is set, tokens; default a new SecureRandom.
     *
     * @param random the randomness source
     * @return this builder
     */
    public SessionServiceBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Sets the token generator; default 32 bytes from the builder's SecureRandom.
     *
     * @param tokens the generator
     * @return this builder
     */
    public SessionServiceBuilder tokens(TokenGenerator tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    /**
     * Sets the device detector; default none (every device unknown).
     *
     * @param devices the detector
     * @return this builder
     */
    public SessionServiceBuilder devices(DeviceDetector devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
        return this;
    }

    /**
     * Sets the location resolver; default none.
     *
     * @param locations the resolver
     * @return this builder
     */
    public SessionServiceBuilder locations(LocationResolver locations) {
        this.locations = Objects.requireNonNull(locations, "locations");
        return this;
    }

    /**
     * Sets who hears sessions start and end; default nobody.
     *
     * @param listeners the listeners
     * @return this builder
     */
    public SessionServiceBuilder listeners(SessionListeners listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        return this;
    }

    /**
     * Sets the clock; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public SessionServiceBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    /**
     * Sets who hears each validation's outcome (metrics).
     *
     * @param counter the counter; default counts nothing
     * @return this builder
     */
    public SessionServiceBuilder validations(ValidationCounter counter) {
        this.validations = Objects.requireNonNull(counter, "counter");
        return this;
    }

    public SessionService build() {
        return new SessionService(this);
    }
}
