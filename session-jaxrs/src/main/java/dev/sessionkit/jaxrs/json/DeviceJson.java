package dev.sessionkit.jaxrs.json;

/**
 * The device a session was started from.
 *
 * @param type {@code desktop}, {@code mobile}, {@code tablet}, {@code bot} or {@code unknown}
 * @param browser browser and major version, e.g. "Chrome 120"
 * @param os operating system and version, e.g. "Windows 11"
 */
public record DeviceJson(String type, String browser, String os) {
}
