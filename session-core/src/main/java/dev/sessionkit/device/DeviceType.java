package dev.sessionkit.device;

/** Placeholder until the device package lands. */
public enum DeviceType {
    DESKTOP, MOBILE, TABLET, BOT, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DeviceType fromWireName(String name) {
        for (DeviceType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
