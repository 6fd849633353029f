package dev.sessionkit.maintenance;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.store.cache.BufferedActivityStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The health check of a running Sessionkit: one indexed read against the store of record (never the cache, which
 * would answer while the database is down), plus what this node knows about itself. Thread-safe.
 */
public final class HealthCheck {

    private final SessionStore storeOfRecord;
    private final SessionStore served;
    private final Optional<BufferedActivityStore> activity;
    private final SessionCleanup cleanup;
    private final SecureRandom random;

    /**
     * Checks these parts.
     *
     * @param storeOfRecord the database store
     * @param served the store requests use (the validation cache over the buffer, when there is one)
     * @param activity the activity buffer, when there is one
     * @param cleanup the scheduled cleanup
     * @param random for the id the probe looks up
     */
    public HealthCheck(SessionStore storeOfRecord, SessionStore served, Optional<BufferedActivityStore> activity,
            SessionCleanup cleanup, SecureRandom random) {
        this.storeOfRecord = Objects.requireNonNull(storeOfRecord, "storeOfRecord");
        this.served = Objects.requireNonNull(served, "served");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Checks now.
     *
     * @return what was found; never throws for a store that cannot answer, it reports it
     */
    public Health check() {
        long started = System.nanoTime();
        Optional<String> problem = Optional.empty();
        try {
            // A random id: a primary-key lookup that finds nothing, as cheap as a read gets.
            storeOfRecord.findById(SessionId.random(random));
        } catch (SessionStoreUnavailableException e) {
            problem = Optional.of("The session store cannot answer: sessions can be neither checked nor started.");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        CachingSessionStore cache = served instanceof CachingSessionStore caching ? caching : null;
        return new Health(problem.isEmpty(), problem, millis, cache != null && cache.hearsOtherNodes(),
                cache == null ? 0 : cache.cachedSessions(), activity.map(BufferedActivityStore::pendingCount).orElse(0),
                cleanup.lastRun());
    }
}
