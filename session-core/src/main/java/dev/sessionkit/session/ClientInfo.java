package dev.sessionkit.session;

import dev.sessionkit.device.UserAgentData;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web layer knows about the client at login: where it connects from and what it says it is.
 *
 * @param ipAddress the client address as a literal (already resolved through trusted proxies); "" when unknown
 * @param userAgent the User-Agent header and any User-Agent Client Hints
 * @param browserId the value of the long-lived browser-id cookie, if the browser sent one; it carries no
 *     authority and is stored only as a hash
 */
public record ClientInfo(String ipAddress, UserAgentData userAgent, Optional<String> browserId) {

    /** Longest address literal kept (an IPv6 address with zone fits). */
    public static final int MAX_IP_LENGTH = 64;

    /**
     * Normalises absent parts and bounds the address length.
     *
     * @param ipAddress see the record description
     * @param userAgent see the record description
     * @param browserId see the record description
     */
    public ClientInfo {
        ipAddress = ipAddress == null ? "" : ipAddress.strip();
        if (ipAddress.length() > MAX_IP_LENGTH) {
            ipAddress = ipAddress.substring(0, MAX_IP_LENGTH);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        browserId = Objects.requireNonNull(browserId, "browserId").filter(id -> !id.isBlank());
    }

    /**
     * Creates client info without client hints or browser id, as a test or a command line would.
     *
     * @param ipAddress the client address literal
     * @param userAgent the User-Agent header value
     * @return the client info
     */
    public static ClientInfo of(String ipAddress, String userAgent) {
        return new ClientInfo(ipAddress, UserAgentData.of(userAgent), Optional.empty());
    }

    /**
     * Returns client info for a login whose origin is unknown.
     *
     * @return client info with no address, user agent or browser id
     */
    public static ClientInfo unknown() {
        return of("", "");
    }
}
