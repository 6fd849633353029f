package dev.sessionkit.servlet;

import dev.sessionkit.config.IpRange;
import dev.sessionkit.net.IpLiterals;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address a request really comes from. {@code X-Forwarded-For} is believed only when the socket peer is a
 * trusted proxy, and then only as far as the chain of trusted proxies goes: the answer is the right-most address
 * that is not a trusted proxy. Anything unparsable stops the walk. A client can therefore never choose the address
 * recorded for it by sending the header itself.
 */
final class ClientAddressResolver {

    private final List<IpRange> trustedProxies;

    ClientAddressResolver(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String resolve(HttpServletRequest request) {
        Optional<InetAddress> peer = IpLiterals.parse(request.getRemoteAddr());
        if (peer.isEmpty()) {
            return "";
        }
        InetAddress current = peer.get();
        if (trustedProxies.isEmpty() || !isTrusted(current)) {
            return IpLiterals.format(current);
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            current = hop.get();
            if (!isTrusted(current)) {
                break;
            }
        }
        return IpLiterals.format(current);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }
}
