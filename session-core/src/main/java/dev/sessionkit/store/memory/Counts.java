package dev.sessionkit.store.memory;

import dev.sessionkit.store.DurationSummary;
import dev.sessionkit.store.TimeBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Grouping helpers that give the in-memory store the same report shapes the SQL store produces. */
final class Counts {

    private Counts() {
    }

    static Map<String, Long> byKey(Stream<String> keys) {
        Map<String, Long> counts = keys.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        LinkedHashMap<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    static Map<Instant, Long> byBucket(Stream<Instant> instants, TimeBucket bucket) {
        return instants.collect(Collectors.groupingBy(bucket::startOf, TreeMap::new, Collectors.counting()));
    }

    static DurationSummary summarise(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return DurationSummary.empty();
        }
        Duration total = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        Duration mean = total.dividedBy(sorted.size());
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return new DurationSummary(n, Optional.of(mean), Optional.of(median));
    }
}
