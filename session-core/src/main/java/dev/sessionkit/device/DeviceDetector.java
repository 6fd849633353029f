package dev.sessionkit.device;

/** Placeholder until the device package lands. */
public interface DeviceDetector {
    DeviceInfo detect(UserAgentData data);

    static DeviceDetector none() {
        return data -> DeviceInfo.unknown();
    }

    static DeviceDetector standard() {
        return none();
    }
}
