package dev.sessionkit.device;

import ua_parser.Parser;

/**
 * Tells the device type, browser and operating system of a login from its request data.
 *
 * <p>Implementations are thread-safe and never throw: for any input, including null, {@link #detect} returns a
 * {@link DeviceInfo}, {@link DeviceInfo#unknown()} when nothing can be told. Detection runs once per login, not per
 * request.
 */
public interface DeviceDetector {

    /**
     * Returns what can be told about the device that sent {@code data}; never null, never throws.
     *
     * @param data the request's user agent and client hints; null is treated as a request that sent neither
     * @return the detected device, {@link DeviceInfo#unknown()} when nothing can be told
     */
    DeviceInfo detect(UserAgentData data);

    /**
     * Returns a detector that reports every device as {@link DeviceInfo#unknown()}, for apps that do not want
     * device details stored; a stateless shared instance, never null.
     *
     * @return the no-op detector
     */
    static DeviceDetector none() {
        return NoDeviceDetector.INSTANCE;
    }

    /**
     * Returns a new detector backed by uap-java's user agent rules, refined by User-Agent Client Hints, with a
     * cache of the last 1,024 user agents parsed; never null.
     *
     * <p>Building one loads and compiles uap-java's rules (about 0.2 s and 2.5 MB of heap), so build it once per
     * application and share it: it is thread-safe. A first sight of a user agent costs about 0.5 ms; a repeat is a
     * cache hit.
     *
     * @return a new standard detector
     */
    static DeviceDetector standard() {
        return new UserAgentDeviceDetector(new Parser(), UserAgentDeviceDetector.DEFAULT_CACHE_SIZE);
    }
}
