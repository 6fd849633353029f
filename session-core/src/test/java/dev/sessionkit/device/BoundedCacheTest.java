package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ua_parser.Parser;

class BoundedCacheTest {

    @Test
    void computeIfAbsentWhenKeySeenThenComputedOnce() {
        BoundedCache<String, String> cache = new BoundedCache<>(4);
        AtomicInteger calls = new AtomicInteger();
        assertEquals("A", cache.computeIfAbsent("a", k -> { calls.incrementAndGet(); return "A"; }));
        assertEquals("A", cache.computeIfAbsent("a", k -> { calls.incrementAndGet(); return "other"; }));
        assertEquals(1, calls.get());
    }

    @Test
    void computeIfAbsentWhenFullThenLeastRecentlyUsedEvicted() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(3);
        for (int i = 0; i < 3; i++) {
            cache.computeIfAbsent(i, k -> k);
        }
        cache.computeIfAbsent(0, k -> -1); // touch 0: 1 is now the eldest
        cache.computeIfAbsent(3, k -> k);
        assertEquals(3, cache.size());
        assertEquals(0, cache.computeIfAbsent(0, k -> -1)); // kept
        assertEquals(-1, cache.computeIfAbsent(1, k -> -1)); // evicted, so computed again
    }

    @Test
    void constructorWhenCapacityBelowOneThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0));
    }

    @Test
    void detectorCacheWhenManyDistinctUserAgentsThenHoldsAtMostItsCapacity() {
        UserAgentDeviceDetector detector = new UserAgentDeviceDetector(new Parser(), 8);
        for (int i = 0; i < 100; i++) {
            detector.detect(UserAgentData.of("curl/" + i));
        }
        assertEquals(8, detector.cacheSize());
        detector.detect(UserAgentData.of("curl/99"));
        assertEquals(8, detector.cacheSize());
    }

    @Test
    void standardDetectorCacheWhenMoreUserAgentsThanDefaultCapacityThenBounded() {
        UserAgentDeviceDetector detector = (UserAgentDeviceDetector) DeviceDetector.standard();
        for (int i = 0; i < UserAgentDeviceDetector.DEFAULT_CACHE_SIZE + 100; i++) {
            detector.detect(UserAgentData.of("okhttp/" + i));
        }
        assertEquals(UserAgentDeviceDetector.DEFAULT_CACHE_SIZE, detector.cacheSize());
    }

    @Test
    void detectorCacheWhenSameUserAgentWithDifferentHintsThenOneEntry() {
        UserAgentDeviceDetector detector = new UserAgentDeviceDetector(new Parser(), 8);
        String ua = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0"
                + " Mobile Safari/537.36";
        detector.detect(UserAgentData.of(ua));
        DeviceInfo tablet = detector.detect(new UserAgentData(ua,
                Map.of("sec-ch-ua-mobile", "?0", "sec-ch-ua-platform", "\"Android\"")));
        assertEquals(1, detector.cacheSize());
        assertEquals(DeviceType.TABLET, tablet.type());
    }
}
