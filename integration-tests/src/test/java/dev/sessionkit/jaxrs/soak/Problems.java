package dev.sessionkit.jaxrs.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invariant violations by kind: every one is counted, the first few of each kind are kept with their details so
 * that a failed soak says what went wrong, not only how often.
 */
final class Problems {

    private static final int KEPT_PER_KIND = 8;

    private final Map<String, AtomicLong> counts = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();

    synchronized void add(String kind, String detail) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        List<String> kept = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (kept.size() < KEPT_PER_KIND) {
            kept.add(detail);
        }
    }

    synchronized long count(String kind) {
        AtomicLong count = counts.get(kind);
        return count == null ? 0 : count.get();
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    synchronized String report() {
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, count) -> {
            out.append(kind).append(": ").append(count).append('\n');
            examples.get(kind).forEach(example -> out.append("    ").append(example).append('\n'));
        });
        return out.toString();
    }
}
