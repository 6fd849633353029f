package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Hammers one resolver from 8 threads at once and checks every answer against the expected one. */
final class ConcurrentLookups {

    static final int THREADS = 8;
    private static final int ROUNDS = 500;

    private ConcurrentLookups() {
    }

    static void assertAllThreadsAgree(LocationResolver resolver, Map<String, Optional<Location>> expected)
            throws Exception {
        List<String> inputs = new ArrayList<>(expected.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        String input = inputs.get((round + offset) % inputs.size());
                        assertEquals(expected.get(input), resolver.resolve(input), input);
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(ROUNDS, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
