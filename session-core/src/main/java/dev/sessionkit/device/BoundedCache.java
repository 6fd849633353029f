package dev.sessionkit.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A thread-safe least-recently-used map holding at most {@code capacity} entries. Values are computed outside the
 * lock, so a slow computation never blocks other threads' hits; two threads missing the same key at once may both
 * compute it, and the first stored value wins. Null keys and values are not allowed.
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final LruMap<K, V> map; // guarded by this

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
        }
        this.capacity = capacity;
        this.map = new LruMap<>(capacity);
    }

    /** Returns the cached value for {@code key}, computing and caching it first when absent. */
    V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
        synchronized (this) {
            V hit = map.get(key);
            if (hit != null) {
                return hit;
            }
        }
        V computed = Objects.requireNonNull(compute.apply(key), "computed value");
        synchronized (this) {
            V raced = map.putIfAbsent(key, computed);
            return raced != null ? raced : computed;
        }
    }

    /** Returns how many entries the cache holds now, at most {@link #capacity()}. */
    synchronized int size() {
        return map.size();
    }

    int capacity() {
        return capacity;
    }

    private static final class LruMap<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }
}
