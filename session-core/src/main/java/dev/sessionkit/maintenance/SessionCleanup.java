package dev.sessionkit.maintenance;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * One cleanup run: ends expired sessions (listeners hear each with its expiry reason) and deletes ended sessions
 * older than the history retention, in small batches so no statement holds many locks for long. A database lease
 * makes sure only one node cleans at a time; the node that holds it keeps it by renewing, and another takes over
 * when it stops renewing. Owns no thread: the web layer schedules {@link #run()}.
 */
public final class SessionCleanup implements Runnable {

    /** Name of the lease in the store. */
    public static final String LEASE_NAME = "sessionkit-cleanup";

    private static final System.Logger LOG = System.getLogger(SessionCleanup.class.getName());

    /** Written by the scheduler thread, read by health checks. */
    private volatile CleanupRun lastRun;
    private final SessionStore store;
    private final LeaseStore leases;
    private final SessionListeners listeners;
    private final Clock clock;
    private final Duration historyRetention;
    private final Duration leaseTtl;
    private final String nodeId;
    private final int batchSize;
    private final int maxBatches;
    private final List<Purge> purges;

    /**
     * Creates a cleanup.
     *
     * @param store the store to clean
     * @param leases where the nodes sharing the store take turns; {@link dev.sessionkit.store.memory.InMemoryLeases}
     *     for a store that is not shared
     * @param listeners who hears expired sessions end
     * @param clock the clock that decides expiry
     * @param historyRetention how long ended sessions are kept
     * @param leaseTtl how long the lease lasts; longer than the interval between runs so the holder keeps it
     * @param nodeId a name unique to this node
     * @param batchSize rows per statement, at least 1
     * @param maxBatches batches per kind of work in one run, at least 1; the rest waits for the next run
     */
    public SessionCleanup(SessionStore store, LeaseStore leases, SessionListeners listeners, Clock clock,
            Duration historyRetention, Duration leaseTtl, String nodeId, int batchSize, int maxBatches) {
        this(store, leases, listeners, clock, historyRetention, leaseTtl, nodeId, batchSize, maxBatches, List.of());
    }

    /**
     * Creates a cleanup that also deletes other old rows.
     *
     * @param store the store to clean
     * @param leases where the nodes sharing the store take turns
     * @param listeners who hears expired sessions end
     * @param clock the clock that decides expiry
     * @param historyRetention how long ended sessions are kept
     * @param leaseTtl how long the lease lasts
     * @param nodeId a name unique to this node
     * @param batchSize rows per statement, at least 1
     * @param maxBatches batches per kind of work in one run, at least 1
     * @param purges further kinds of old rows, each run in batches like the history purge
     */
    public SessionCleanup(SessionStore store, LeaseStore leases, SessionListeners listeners, Clock clock,
            Duration historyRetention, Duration leaseTtl, String nodeId, int batchSize, int maxBatches,
            List<Purge> purges) {
        this.purges = List.copyOf(purges);
        this.store = Objects.requireNonNull(store, "store");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyRetention = Objects.requireNonNull(historyRetention, "historyRetention");
        this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be at least 1");
        }
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /**
     * Runs once and reports what it did.
     *
     * @return the counts, or {@link CleanupReport#skipped()} when another node holds the lease
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot answer
     */
    public CleanupReport runOnce() {
        if (!leases.tryAcquireLease(LEASE_NAME, nodeId, clock.instant(), leaseTtl)) {
            return CleanupReport.skipped();
        }
        int ended = 0;
        boolean complete = false;
        for (int batch = 0; batch < maxBatches; batch++) {
            List<SessionRecord> expired = store.endExpired(clock.instant(), batchSize);
            listeners.ended(expired);
            ended += expired.size();
            if (expired.size() < batchSize) {
                complete = true;
                break;
            }
        }
        int purged = 0;
        boolean purgeComplete = false;
        for (int batch = 0; batch < maxBatches; batch++) {
            Instant cutoff = clock.instant().minus(historyRetention);
            int deleted = store.purgeEndedBefore(cutoff, batchSize);
            purged += deleted;
            if (deleted < batchSize) {
                purgeComplete = true;
                break;
            }
        }
        boolean othersComplete = true;
        for (Purge purge : purges) {
            othersComplete &= runPurge(purge);
        }
        return new CleanupReport(true, ended, purged, complete && purgeComplete && othersComplete);
    }

    /** Runs one purge in batches; true when nothing old is left. */
    private boolean runPurge(Purge purge) {
        for (int batch = 0; batch < maxBatches; batch++) {
            if (purge.purgeOne(clock.instant(), batchSize) < batchSize) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives the lease back at once if this node holds it, so that another node need not wait for it to expire: for
     * a one-off run from a tool.
     *
     * @throws SessionStoreUnavailableException when the store cannot answer
     */
    public void releaseLease() {
        leases.releaseLease(LEASE_NAME, nodeId);
    }

    /**
     * Returns how the last scheduled run went, for health checks.
     *
     * @return the last run, empty before the first
     */
    public Optional<CleanupRun> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** Runs once from a scheduler: a failure is logged and the next run tries again. */
    @Override
    public void run() {
        try {
            CleanupReport report = runOnce();
            lastRun = new CleanupRun(clock.instant(), Optional.of(report));
            if (report.ended() + report.purged() > 0) {
                LOG.log(System.Logger.Level.DEBUG, "Session cleanup ended {0} and purged {1} sessions",
                        report.ended(), report.purged());
            }
        } catch (SessionStoreUnavailableException e) {
            lastRun = new CleanupRun(clock.instant(), Optional.empty());
            // A scheduler thread must survive a failed run (e.g. the database is briefly down); the next tick retries.
            // No stack trace: the store's outage log already has the failure's, once per outage.
            LOG.log(System.Logger.Level.WARNING, "Session cleanup failed; retrying at the next interval: "
                    + CredentialRedactor.redactText(e.getMessage()));
        } catch (RuntimeException e) {
            // Anything else is a bug, whose stack trace the operator needs.
            LOG.log(System.Logger.Level.WARNING, "Session cleanup failed; retrying at the next interval",
                    CredentialRedactor.patterns().redactedCopy(e));
        }
    }
}
