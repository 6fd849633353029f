package dev.sessionkit.benchmarks.store;

import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Times every {@link #endExpired} and {@link #purgeEndedBefore} call. In the JPA store each call is exactly one
 * transaction, and PostgreSQL holds row locks until the transaction ends, so a call's duration, seen from the
 * client and including the commit, is an upper bound on how long any of its row locks was held.
 */
final class TimedStore extends ForwardingSessionStore {

    /** One call: which kind, rows it ended or deleted, when it started and how long it took (ns). */
    record Call(boolean purge, int rows, long startNanos, long nanos) {
    }

    private final List<Call> calls = new ArrayList<>();
    private volatile long deadline = Long.MAX_VALUE;

    /** Thrown instead of starting a batch after the time cap: the benchmark stops there, between transactions. */
    static final class CapReached extends RuntimeException {
        CapReached() {
            super("time cap reached", null, false, false);
        }
    }

    TimedStore(SessionStore delegate) {
        super(delegate);
    }

    /** From this System.nanoTime() on, no new batch starts; {@link CapReached} is thrown instead. */
    void stopBatchesAt(long nanoTime) {
        deadline = nanoTime;
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        long start = start();
        List<SessionRecord> ended = delegate.endExpired(now, limit);
        record(new Call(false, ended.size(), start, System.nanoTime() - start));
        return ended;
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        long start = start();
        int purged = delegate.purgeEndedBefore(cutoff, limit);
        record(new Call(true, purged, start, System.nanoTime() - start));
        return purged;
    }

    private long start() {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            throw new CapReached();
        }
        return now;
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The calls of one kind made from index {@code from} on (an index into all calls). */
    synchronized List<Call> calls(int from, boolean purge) {
        return calls.subList(from, calls.size()).stream().filter(c -> c.purge() == purge).toList();
    }

    synchronized int size() {
        return calls.size();
    }
}
