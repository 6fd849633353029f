package dev.sessionkit.device;

/**
 * What is known about the device behind a login: its type, browser and operating system, always safe to store and
 * show.
 *
 * <p>No component is ever null. The constructor normalises instead of rejecting: a null type becomes
 * {@link DeviceType#UNKNOWN}; a null or blank name becomes {@value #UNKNOWN}; control characters are removed, runs
 * of white space become one space, and names are cut to {@value #MAX_NAME_LENGTH} characters (never inside a
 * surrogate pair). Instances are immutable and thread-safe.
 *
 * @param type the device type
 * @param browser the browser and its version, for example {@code "Chrome 120"} or {@code "Safari 17.1"}
 * @param os the operating system and its version, for example {@code "Windows 11"}, {@code "macOS 10.15"},
 *     {@code "iOS 17.1"} or {@code "Android 14"}
 */
public record DeviceInfo(DeviceType type, String browser, String os) {

    /** The name used for a browser or operating system that could not be told. */
    public static final String UNKNOWN = "Unknown";

    /** The longest browser or operating system name kept, in UTF-16 characters. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final DeviceInfo UNKNOWN_DEVICE = new DeviceInfo(DeviceType.UNKNOWN, UNKNOWN, UNKNOWN);

    /**
     * Creates a device description, normalising each component as described on the class; never throws.
     *
     * @param type the device type; null means {@link DeviceType#UNKNOWN}
     * @param browser the browser name and version; null or blank means {@value #UNKNOWN}
     * @param os the operating system name and version; null or blank means {@value #UNKNOWN}
     */
    public DeviceInfo {
        type = type == null ? DeviceType.UNKNOWN : type;
        browser = Text.displayName(browser, MAX_NAME_LENGTH, UNKNOWN);
        os = Text.displayName(os, MAX_NAME_LENGTH, UNKNOWN);
    }

    /**
     * Returns the description of a device nothing is known about: type {@link DeviceType#UNKNOWN}, browser and
     * operating system {@value #UNKNOWN}; never null.
     *
     * @return the unknown device
     */
    public static DeviceInfo unknown() {
        return UNKNOWN_DEVICE;
    }
}
