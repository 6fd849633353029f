package dev.sessionkit.device;

import java.util.Map;

/** Placeholder until the device package lands. */
public record UserAgentData(String userAgent, Map<String, String> clientHints) {
    public UserAgentData {
        userAgent = userAgent == null ? "" : userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
        clientHints = Map.copyOf(clientHints);
    }

    public static UserAgentData of(String userAgent) {
        return new UserAgentData(userAgent, Map.of());
    }
}
