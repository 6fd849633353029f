package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ua_parser.Parser;

/** One detector shared by 8 threads answers exactly as it does for one, and its cache stays bounded. */
class DeviceDetectorConcurrencyTest {

    private static final int THREADS = 8;

    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.4.0", "python-requests/2.31.0", "", "garbage asdf 123 !!!");

    private static List<UserAgentData> inputs() {
        List<UserAgentData> inputs = new ArrayList<>();
        for (String ua : USER_AGENTS) {
            inputs.add(UserAgentData.of(ua));
            inputs.add(new UserAgentData(ua, Map.of("sec-ch-ua-platform", "\"Windows\"",
                    "sec-ch-ua-platform-version", "\"15.0.0\"", "sec-ch-ua-mobile", "?0")));
        }
        for (int i = 0; i < 40; i++) { // more distinct user agents than the cache holds: evictions race too
            inputs.add(UserAgentData.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/" + i + ".0.0.0"));
        }
        return inputs;
    }

    @Test
    void detectWhenSharedByEightThreadsThenSameResultsAsSequential() throws Exception {
        List<UserAgentData> inputs = inputs();
        Map<UserAgentData, DeviceInfo> expected = new HashMap<>();
        DeviceDetector sequential = new UserAgentDeviceDetector(new Parser(), 1024);
        for (UserAgentData input : inputs) {
            expected.put(input, sequential.detect(input));
        }

        UserAgentDeviceDetector shared = new UserAgentDeviceDetector(new Parser(), 16);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<UserAgentData, DeviceInfo>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    List<UserAgentData> order = new ArrayList<>(inputs);
                    Collections.shuffle(order, new Random(seed));
                    Map<UserAgentData, DeviceInfo> seen = new HashMap<>();
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        for (UserAgentData input : order) {
                            DeviceInfo info = shared.detect(input);
                            DeviceInfo before = seen.putIfAbsent(input, info);
                            if (before != null && !before.equals(info)) {
                                throw new AssertionError("changed between rounds: " + before + " / " + info);
                            }
                        }
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (Future<Map<UserAgentData, DeviceInfo>> future : futures) {
                assertEquals(expected, future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(shared.cacheSize() <= 16, "cache size " + shared.cacheSize());
    }
}
