package dev.sessionkit.device;

/** Placeholder until the device package lands. */
public record DeviceInfo(DeviceType type, String browser, String os) {
    public static DeviceInfo unknown() {
        return new DeviceInfo(DeviceType.UNKNOWN, "Unknown", "Unknown");
    }
}
