package dev.sessionkit.store.cache;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The cached sessions by token hash, bounded by an estimate of their heap size, with an index by public id that
 * always matches them: an index entry is written under its entry's lock when the entry is loaded, and removed under
 * the same lock when the entry goes, so an announcement by id always finds an entry that is there.
 *
 * <p>Why not Caffeine here: its eviction policy records every read by writing node references (read buffers, the
 * access-order deque). With 10^5 entries in the old generation those writes dirtied tens of thousands of GC cards a
 * second and tripled the young pauses (see BENCHMARKS.md, "latency tail"). A hit here writes at most one boolean;
 * eviction is a clock hand over the map.
 */
final class ValidationEntries {

    /** Entries the hand looks at for every new entry, so unusable ones leave memory without a pressure. */
    private static final int SWEEP_STEPS = 2;

    private final ConcurrentHashMap<TokenHash, Slot> byToken = new ConcurrentHashMap<>();
    private final Map<SessionId, TokenHash> tokenOf = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final SessionCompactor compactor = new SessionCompactor();
    private final Object handLock = new Object();
    /** Guarded by handLock; weakly consistent, so it never fails on concurrent changes. */
    private Iterator<Map.Entry<TokenHash, Slot>> hand;

    /** @param maxBytes the most heap the entries may take, by {@link EntryWeight}'s estimate */
    ValidationEntries(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * An entry, whether it was used since the clock hand last passed, and the activity this node recorded since it
     * was loaded: all primitives, so a hit or a touch writes no reference into an entry that has long been in the old
     * generation.
     */
    private static final class Slot {
        final CachedSession cached;
        final int weight;
        volatile boolean referenced = true;
        /** Written before {@link #touchedAt}, read after it: who sees a touch sees its deadline. */
        private volatile long idleUntilMicros;
        private volatile long touchedAtMicros;

        Slot(CachedSession cached, int weight) {
            this.cached = cached;
            this.weight = weight;
        }

        /** Keeps the later of this activity and any recorded before; touches are rare, once a touch interval. */
        synchronized void touch(Instant at, Instant idleExpiresAt) {
            long micros = micros(at);
            if (micros > touchedAtMicros) {
                idleUntilMicros = micros(idleExpiresAt);
                touchedAtMicros = micros;
            }
        }

        /** The entry as it stands with this node's activity, a new copy only when there is some. */
        CachedSession current() {
            long touched = touchedAtMicros;
            if (touched == 0) {
                return cached;
            }
            long idle = idleUntilMicros;
            return cached.withActivity(cached.record().id(), instant(touched), instant(idle));
        }

        private static long micros(Instant at) {
            return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        }

        private static Instant instant(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }
    }

    /** Returns the entry of a token, if cached, and notes its use for the clock hand. */
    CachedSession get(TokenHash hash) {
        Slot slot = byToken.get(hash);
        if (slot == null) {
            return null;
        }
        if (!slot.referenced) {
            slot.referenced = true;
        }
        return slot.current();
    }

    /**
     * Computes an entry under its lock: the function returns the entry to keep, or null for none. A new entry then
     * moves the clock hand, which drops unusable entries and, over the budget, unused ones.
     */
    CachedSession compute(TokenHash hash, BiFunction<TokenHash, CachedSession, CachedSession> function,
            Predicate<CachedSession> unusable) {
        boolean[] added = new boolean[1];
        Slot kept = byToken.compute(hash, (key, current) -> {
            CachedSession before = current == null ? null : current.current();
            CachedSession next = function.apply(key, before);
            if (next == null) {
                if (current != null) {
                    release(key, current);
                }
                return null;
            }
            if (next == before) {
                return current;
            }
            // A reload: its record carries what the store has, this node's activity included once flushed.
            Slot slot = new Slot(next, EntryWeight.bytes(next.record()));
            bytes.addAndGet(slot.weight - (current == null ? 0 : current.weight));
            tokenOf.put(next.record().id(), key);
            added[0] = current == null;
            return slot;
        });
        if (added[0]) {
            sweep(unusable);
        }
        return kept == null ? null : kept.current();
    }

    /** Indexes a session being loaded under its entry's lock, before the entry is in place. */
    void index(SessionId id, TokenHash hash) {
        tokenOf.put(id, hash);
    }

    /** Makes a freshly loaded copy share the text that many sessions repeat, and the key. */
    SessionRecord compact(SessionRecord loaded, TokenHash key) {
        return compactor.compact(loaded, key);
    }

    /** Records this node's activity in a session's entry, if cached. */
    void touch(SessionId id, Instant at, Instant idleExpiresAt) {
        TokenHash hash = tokenOf.get(id);
        Slot slot = hash == null ? null : byToken.get(hash);
        if (slot != null && slot.cached.record().id().equals(id)) {
            slot.touch(at, idleExpiresAt);
        }
    }

    /** Drops the entry of a token; waits for a load of it in progress. */
    void drop(TokenHash hash) {
        byToken.compute(hash, (key, slot) -> {
            if (slot != null) {
                release(key, slot);
            }
            return null;
        });
    }

    /** Drops the entry of a session known by its public id. */
    void drop(SessionId id) {
        TokenHash hash = tokenOf.get(id);
        if (hash != null) {
            drop(hash);
        }
    }

    /** Drops every entry, one by one so that the index stays in step. */
    void dropAll() {
        for (TokenHash hash : byToken.keySet()) {
            drop(hash);
        }
    }

    /** {@return how many sessions are cached} */
    long size() {
        return byToken.size();
    }

    /** {@return the estimated heap of the entries, in bytes} */
    long bytes() {
        return bytes.get();
    }

    private void release(TokenHash key, Slot slot) {
        tokenOf.remove(slot.cached.record().id(), key);
        bytes.addAndGet(-slot.weight);
    }

    /**
     * Moves the hand a few entries, dropping unusable ones, and on until the entries fit the budget: the classic
     * clock, where an entry used since the hand last passed loses that mark and stays, and one without it goes.
     * Amortised, each new entry costs the hand a few steps.
     */
    private void sweep(Predicate<CachedSession> unusable) {
        synchronized (handLock) {
            int steps = 0;
            while (steps < SWEEP_STEPS || bytes.get() > maxBytes) {
                if (hand == null || !hand.hasNext()) {
                    hand = byToken.entrySet().iterator();
                    if (!hand.hasNext()) {
                        return;
                    }
                }
                Map.Entry<TokenHash, Slot> entry = hand.next();
                Slot slot = entry.getValue();
                boolean evict = unusable.test(slot.cached);
                if (!evict && bytes.get() > maxBytes) {
                    evict = !slot.referenced;
                    slot.referenced = false;
                }
                if (evict) {
                    byToken.computeIfPresent(entry.getKey(), (key, current) -> {
                        if (current != slot) {
                            return current;
                        }
                        release(key, current);
                        return null;
                    });
                }
                steps++;
            }
        }
    }
}
