package dev.sessionkit.location;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Strict IP literal parsing without DNS, and the test for addresses worth looking up.
 *
 * <p>{@code InetAddress.getByName} resolves anything that is not a literal (and accepts odd literal forms such as
 * {@code 1.2.3} or {@code 0x7f.1}), so this class parses the text itself and only ever calls
 * {@link InetAddress#getByAddress(String, byte[])}, which performs no lookup. Passing the literal as host name also
 * keeps a later {@code getHostName()} from doing a reverse lookup.
 */
final class IpLiterals {

    /** The longest IPv6 text form, {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    private static final int MAX_LITERAL_LENGTH = 45;

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

    private IpLiterals() {
    }

    /**
     * Parses {@code text} as an IP literal and keeps it only if it is a public address.
     *
     * @param text the candidate literal, may be null
     * @return the address, or empty when {@code text} is null, not a literal, or not public
     */
    static Optional<InetAddress> parsePublic(String text) {
        return parse(text).filter(IpLiterals::isPublic);
    }

    /**
     * Parses a dotted-quad IPv4 or an RFC 4291 IPv6 literal (with an optional trailing dotted quad), without DNS.
     * Rejects zone ids, brackets, ports, surrounding spaces, leading zeros in IPv4 parts and every shorthand form
     * that {@code InetAddress.getByName} would accept.
     *
     * @param text the candidate literal, may be null
     * @return the address, or empty when {@code text} is not such a literal
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LITERAL_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(text, bytes));
        } catch (UnknownHostException impossible) {
            // Only thrown for an array that is neither 4 nor 16 bytes long, which the parsers never return.
            throw new IllegalStateException(impossible);
        }
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

    private static byte[] parseIpv4(String text) {
        byte[] out = new byte[4];
        return parseIpv4Into(text, out, 0) ? out : null;
    }

    private static boolean parseIpv4Into(String text, byte[] out, int offset) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !allDigits(part)) {
                return false;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return false;
            }
            out[offset + i] = (byte) value;
        }
        return true;
    }

    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] headBytes = groups(head, gap < 0); // a dotted quad may only end the whole literal
        byte[] tailBytes = groups(tail, true);
        if (headBytes == null || tailBytes == null) {
            return null;
        }
        int explicit = headBytes.length + tailBytes.length;
        if (gap < 0 ? explicit != 16 : explicit > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, out, 16 - tailBytes.length, tailBytes.length);
        return out;
    }

    /** Parses colon-separated hex groups, the last of which may be a dotted quad when {@code mayEndInIpv4}. */
    private static byte[] groups(String text, boolean mayEndInIpv4) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] groups = text.split(":", -1);
        if (groups.length > 8) {
            return null;
        }
        boolean endsInIpv4 = mayEndInIpv4 && groups[groups.length - 1].indexOf('.') >= 0;
        byte[] out = new byte[groups.length * 2 + (endsInIpv4 ? 2 : 0)];
        int hexGroups = endsInIpv4 ? groups.length - 1 : groups.length;
        for (int i = 0; i < hexGroups; i++) {
            String group = groups[i];
            if (group.isEmpty() || group.length() > 4 || !allHex(group)) {
                return null;
            }
            int value = Integer.parseInt(group, 16);
            out[2 * i] = (byte) (value >>> 8);
            out[2 * i + 1] = (byte) value;
        }
        if (endsInIpv4 && !parseIpv4Into(groups[groups.length - 1], out, 2 * hexGroups)) {
            return null;
        }
        return out;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 CIDR block as a 32-bit prefix and its length in bits. */
    private record Ipv4Range(int prefix, int bits) {

        boolean contains(int address) {
            return (address & (-1 << (32 - bits))) == prefix;
        }
    }
}
