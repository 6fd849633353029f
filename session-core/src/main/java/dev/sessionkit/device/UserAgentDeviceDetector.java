package dev.sessionkit.device;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * The detector behind {@link DeviceDetector#standard()}: uap-java parses the user agent string, the result is cached
 * per user agent, and client hints are applied on top of it on every call (they are cheap and vary per request).
 *
 * <p>Thread-safe: uap-java's {@link Parser} holds only compiled patterns after construction (its
 * {@code CachingParser} is not used because its unsynchronised LRU map is unsafe across threads), and the cache is
 * Caffeine's, bounded in size (evictions run on the calling thread, so the bound holds when a call returns).
 */
final class UserAgentDeviceDetector implements DeviceDetector {

    /** How many distinct user agents are kept; at most about 1.5 KB each, so about 1.5 MB when full. */
    static final int DEFAULT_CACHE_SIZE = 1024;

    private static final Logger LOG = System.getLogger(UserAgentDeviceDetector.class.getName());

    private final Parser parser;
    private final Cache<String, DeviceInfo> cache;
    private final int capacity;

    UserAgentDeviceDetector(Parser parser, int cacheSize) {
        this.parser = Objects.requireNonNull(parser, "parser");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be at least 1 but was " + cacheSize);
        }
        this.capacity = cacheSize;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
    }

    @Override
    public DeviceInfo detect(UserAgentData data) {
        if (data == null) {
            return DeviceInfo.unknown();
        }
        DeviceInfo fromUserAgent = cache.get(data.userAgent(), this::parse);
        return ClientHints.from(data).applyTo(fromUserAgent);
    }

    /** Returns how many parsed user agents the cache holds now. */
    int cacheSize() {
        cache.cleanUp();
        return Math.toIntExact(cache.estimatedSize());
    }

    private DeviceInfo parse(String userAgent) {
        if (userAgent.isBlank()) {
            return DeviceInfo.unknown();
        }
        Client client;
        try {
            client = parser.parse(userAgent);
        } catch (RuntimeException e) {
            // Why: uap-java runs third-party regex data on attacker-chosen text; device details are descriptive,
            // so a parser fault must cost the login its device details, never the login itself.
            LOG.log(Level.WARNING, () -> "uap-java failed on a user agent of " + userAgent.length()
                    + " characters; recording an unknown device: " + e);
            return DeviceInfo.unknown();
        }
        return UserAgentClassifier.classify(userAgent, client);
    }

    @Override
    public String toString() {
        return "DeviceDetector.standard() [cache " + cacheSize() + "/" + capacity + "]";
    }
}
