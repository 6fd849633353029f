package dev.sessionkit.location;

import dev.sessionkit.net.IpLiterals;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The test for addresses worth looking up in a geolocation database: publicly routed ones only.
 *
 * <p>Literals are parsed by {@link IpLiterals}, which never performs DNS.
 */
final class PublicAddresses {

    /** IPv4 ranges that are not publicly routed (RFC 6890 special-purpose blocks). */
    private static final List<Ipv4Range> NON_PUBLIC_IPV4 = List.of(
        new Ipv4Range(0x00000000, 8), // "this network"
        new Ipv4Range(0x0A000000, 8), // private 10/8
        new Ipv4Range(0x64400000, 10), // carrier-grade NAT 100.64/10
        new Ipv4Range(0x7F000000, 8), // loopback
        new Ipv4Range(0xA9FE0000, 16), // link-local
        new Ipv4Range(0xAC100000, 12), // private 172.16/12
        new Ipv4Range(0xC0000000, 24), // IETF protocol assignments
        new Ipv4Range(0xC0000200, 24), // documentation TEST-NET-1
        new Ipv4Range(0xC0A80000, 16), // private 192.168/16
        new Ipv4Range(0xC6120000, 15), // benchmarking
        new Ipv4Range(0xC6336400, 24), // documentation TEST-NET-2
        new Ipv4Range(0xCB007100, 24), // documentation TEST-NET-3
        new Ipv4Range(0xE0000000, 4), // multicast
        new Ipv4Range(0xF0000000, 4)); // reserved, including broadcast

    private PublicAddresses() {
    }

    /**
     * Parses {@code text} as an IP literal and keeps it only if it is a public address.
     *
     * @param text the candidate literal, may be null
     * @return the address, or empty when {@code text} is null, not a literal, or not public
     */
    static Optional<InetAddress> parsePublic(String text) {
        return IpLiterals.parse(text).filter(PublicAddresses::isPublic);
    }

    /**
     * Tells whether an address may be in a geolocation database: not loopback, private, link-local, unique-local,
     * multicast, unspecified, documentation or otherwise reserved.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int value = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            return NON_PUBLIC_IPV4.stream().noneMatch(range -> range.contains(value));
        }
        boolean uniqueLocal = (b[0] & 0xFE) == 0xFC; // fc00::/7
        boolean documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && (b[3] & 0xFF) == 0xB8; // 2001:db8::/32
        return !uniqueLocal && !documentation;
    }

    /** An IPv4 CIDR block as a 32-bit prefix and its length in bits. */
    private record Ipv4Range(int prefix, int bits) {

        boolean contains(int address) {
            return (address & (-1 << (32 - bits))) == prefix;
        }
    }
}
