/**
 * Device detection: turns the User-Agent header, and the User-Agent Client Hints when a browser sends them, into
 * the device type, browser and operating system recorded with each session.
 *
 * <p>Start from {@link dev.sessionkit.device.DeviceDetector#standard()}, built once per application and shared: it
 * is thread-safe, costs about 0.2 s and 2.5 MB of heap to build (uap-java's rules), and answers from a small bounded
 * cache for user agents seen before. {@link dev.sessionkit.device.DeviceDetector#none()} records every login as
 * {@link dev.sessionkit.device.DeviceInfo#unknown()}. Input arrives as {@link dev.sessionkit.device.UserAgentData},
 * which caps its sizes; the answer is a {@link dev.sessionkit.device.DeviceInfo} whose fields are never null.
 *
 * <p>Detection never throws, whatever the input. Client hints win over the user agent string where they say more
 * (Chrome's reduced user agent always claims {@code Windows NT 10.0} or {@code Android 10; K}); they are ignored when
 * the user agent string is not a Chromium one, since Firefox and Safari never send them. Limits worth knowing:
 * iPadOS Safari sends a macOS user agent and is reported as a desktop; a bot that copies a browser's user agent is
 * reported as that browser. Device information is descriptive, never a security signal.
 */
package dev.sessionkit.device;
