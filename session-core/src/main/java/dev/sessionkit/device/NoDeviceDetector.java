package dev.sessionkit.device;

/** The detector behind {@link DeviceDetector#none()}: stateless, so one shared constant serves every caller. */
enum NoDeviceDetector implements DeviceDetector {
    INSTANCE;

    @Override
    public DeviceInfo detect(UserAgentData data) {
        return DeviceInfo.unknown();
    }

    @Override
    public String toString() {
        return "DeviceDetector.none()";
    }
}
