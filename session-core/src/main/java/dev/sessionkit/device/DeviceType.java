package dev.sessionkit.device;

import java.util.Locale;

/**
 * The kind of device a session was created from, as shown to users and counted in analytics.
 *
 * <p>Each constant has a stable lower-case {@linkplain #wireName() wire name} used in JSON, in the store and on the
 * command line; the Java names may change, the wire names do not.
 */
public enum DeviceType {
    /** A desktop or laptop browser: Windows, macOS, Linux, ChromeOS. */
    DESKTOP("desktop"),
    /** A phone. */
    MOBILE("mobile"),
    /** A tablet or e-reader. */
    TABLET("tablet"),
    /** A crawler, link previewer or HTTP library (curl, python-requests, okhttp, ...). */
    BOT("bot"),
    /** Nothing could be told: no user agent, or one that no rule recognises. */
    UNKNOWN("unknown");

    private final String wireName;

    DeviceType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the stable lower-case name of this type ({@code "desktop"}, {@code "mobile"}, ...), never null.
     *
     * @return the wire name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the type with the given wire name, ignoring case and surrounding blanks, and {@link #UNKNOWN} for null
     * or a name no constant has; never null and never throws, so a value written by a later version still reads.
     *
     * @param wireName a name as returned by {@link #wireName()}; may be null
     * @return the matching type, or {@link #UNKNOWN}
     */
    public static DeviceType fromWireName(String wireName) {
        if (wireName == null) {
            return UNKNOWN;
        }
        String wanted = wireName.strip().toLowerCase(Locale.ROOT);
        for (DeviceType type : values()) {
            if (type.wireName.equals(wanted)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
