package dev.sessionkit.device;

/**
 * What is known about the device behind a login: its type, browser and operating system, always safe to store and
 * show.
 *
 * <p>No component is ever null. The constructor normalises instead of rejecting: a null type becomes
 * {@link DeviceType#UNKNOWN}; each name is reduced to {@link DisplayText}'s allowed characters (letters, digits,
 * space and {@value DisplayText#PUNCTUATION}; no quotes, angle brackets, backticks, control, format or bidi
 * characters), runs of white space become one space, and names are cut to {@value #MAX_NAME_LENGTH} characters
 * (never inside a surrogate pair); a null name, or one with nothing allowed left, becomes {@value #UNKNOWN}. So
 * whatever a request sent, a name is safe to show. Instances are immutable and thread-safe.
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
     * @param browser the browser name and version; null, blank or nothing allowed means {@value #UNKNOWN}
     * @param os the operating system name and version; null, blank or nothing allowed means {@value #UNKNOWN}
     */
    public DeviceInfo {
        type = type == null ? DeviceType.UNKNOWN : type;
        // Safe text by construction: every store, the API and the pages only ever see DisplayText's allowlist.
        browser = DisplayText.clean(browser, MAX_NAME_LENGTH, UNKNOWN);
        os = DisplayText.clean(os, MAX_NAME_LENGTH, UNKNOWN);
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
