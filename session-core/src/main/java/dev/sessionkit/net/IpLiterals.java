package dev.sessionkit.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses and formats IP address literals without ever performing a DNS lookup.
 *
 * <p>Only two textual forms are read: a dotted-quad IPv4 address ({@code 192.168.1.7}) and an RFC 4291 IPv6 address
 * ({@code 2001:db8::7}, {@code ::1}, {@code ::ffff:10.0.0.1}), exactly as written. Everything else is refused:
 * surrounding blanks, host names, zone ids ({@code fe80::1%eth0}), brackets ({@code [::1]}), ports, leading zeros
 * in IPv4 numbers (octal to some tools), non-ASCII digits, and the shorthand forms that
 * {@code InetAddress.getByName} would accept ({@code 1.2.3}, {@code 16909060}, {@code 0x7f.0.0.1}).
 * Addresses are created only with {@link InetAddress#getByAddress(String, byte[])}, with the canonical literal as
 * host name, so neither parsing nor a later {@link InetAddress#getHostName()} does a lookup.
 *
 * <p>Static methods only; stateless and thread-safe.
 */
public final class IpLiterals {

    /** The longest accepted literal, {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    private static final int MAX_LITERAL_LENGTH = 45;

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpLiterals() {
    }

    /**
     * Returns the address an IPv4 or IPv6 literal denotes, or empty for anything else; never throws and never
     * performs DNS, so it is safe for untrusted text such as request headers.
     *
     * <p>An IPv4-mapped IPv6 literal ({@code ::ffff:10.0.0.1}) gives an {@link Inet4Address}, as
     * {@link InetAddress#getByAddress(byte[])} does; every other IPv6 literal gives an {@link Inet6Address} without
     * scope. The address's {@link InetAddress#getHostName() host name} is its {@link #format canonical literal}.
     *
     * @param text the candidate literal, e.g. {@code 203.0.113.7} or {@code 2001:db8::7}; may be null
     * @return the address, or empty when {@code text} is null, empty, or not exactly such a literal (see the class
     *     description for what is refused)
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(toAddress(bytes(text)));
        } catch (Refused refused) {
            return Optional.empty();
        }
    }

    /**
     * Returns the address an IPv4 or IPv6 literal denotes, or throws an exception saying why the text is not one;
     * never performs DNS. Meant for text that must be a literal, such as configuration.
     *
     * <p>Accepts exactly what {@link #parse(String)} accepts and returns the same address.
     *
     * @param text the literal, e.g. {@code 192.168.1.7} or {@code ::1}; not null
     * @return the address, never null
     * @throws IllegalArgumentException if {@code text} is not exactly such a literal; the message says what is
     *     wrong (for example that host names are not accepted) and does not repeat the text
     * @throws NullPointerException if {@code text} is null
     */
    public static InetAddress parseOrThrow(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return toAddress(bytes(text));
        } catch (Refused refused) {
            throw new IllegalArgumentException(refused.getMessage());
        }
    }

    /**
     * Returns the one canonical literal of an address, which {@link #parse(String)} reads back to the same address;
     * never performs DNS.
     *
     * <p>IPv4 is written as a dotted quad without leading zeros ({@code 10.0.0.1}). IPv6 is written per RFC 5952:
     * lower-case hex without leading zeros, the longest run of two or more zero groups (the first, when runs tie)
     * as {@code ::} ({@code 2001:db8::1}), and an IPv4-mapped {@link Inet6Address} in mixed notation
     * ({@code ::ffff:10.0.0.1}, which parses back to an {@link Inet4Address}, as the JDK would). A scope id or zone is
     * not written. The host name the address may carry is ignored and never looked up.
     *
     * @param address the address; not null
     * @return the literal, never null
     * @throws NullPointerException if {@code address} is null
     */
    public static String format(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return format(address.getAddress());
    }

    private static InetAddress toAddress(byte[] bytes) {
        byte[] address = isMapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
        try {
            return InetAddress.getByAddress(format(address), address);
        } catch (UnknownHostException impossible) {
            // Only thrown for an array that is neither 4 nor 16 bytes long, which the parsers never return.
            throw new IllegalStateException(impossible);
        }
    }

    /** Parses either family into 4 or 16 bytes, or throws {@link Refused} saying why not. */
    private static byte[] bytes(String text) {
        if (text.isEmpty()) {
            throw new Refused("empty text is not an IP address literal");
        }
        if (text.length() > MAX_LITERAL_LENGTH) {
            throw new Refused("longer than any IP address literal (at most " + MAX_LITERAL_LENGTH + " characters)");
        }
        if (text.indexOf(':') < 0) {
            if (!text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                throw new Refused("not an IP address literal (host names are not accepted)");
            }
            byte[] out = new byte[4];
            parseIpv4(text, out, 0);
            return out;
        }
        if (text.indexOf('%') >= 0) {
            throw new Refused("zone ids (%...) are not accepted");
        }
        if (text.charAt(0) == '[') {
            throw new Refused("write IPv6 addresses without brackets or port");
        }
        return parseIpv6(text);
    }

    /** Parses a dotted quad into {@code out} at {@code offset}; leading zeros are refused (octal to some tools). */
    private static void parseIpv4(String text, byte[] out, int offset) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new Refused("an IPv4 address has four dot-separated numbers");
        }
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                throw new Refused("each IPv4 number is 0 to 255 without leading zeros");
            }
            out[offset + i] = (byte) Integer.parseInt(part);
        }
    }

    /** Parses RFC 4291 text, optionally ending in a dotted quad; {@code ::} stands for one or more zero groups. */
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new Refused("'::' may appear only once");
        }
        byte[] head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0); // a dotted quad only ends the text
        byte[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new byte[0];
        int explicit = head.length + tail.length;
        if (gap < 0 ? explicit != 16 : explicit > 14) {
            throw new Refused("an IPv6 address has eight groups, or fewer with '::'");
        }
        byte[] out = new byte[16];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, 16 - tail.length, tail.length);
        return out;
    }

    /** Parses colon-separated hex groups, the last of which may be a dotted quad when {@code mayEndInIpv4}. */
    private static byte[] groups(String text, boolean mayEndInIpv4) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] fields = text.split(":", -1);
        if (fields.length > 8) {
            throw new Refused("an IPv6 address has eight groups, or fewer with '::'");
        }
        boolean endsInIpv4 = mayEndInIpv4 && fields[fields.length - 1].indexOf('.') >= 0;
        int hexGroups = endsInIpv4 ? fields.length - 1 : fields.length;
        byte[] out = new byte[2 * hexGroups + (endsInIpv4 ? 4 : 0)];
        for (int i = 0; i < hexGroups; i++) {
            int value = hexGroup(fields[i]);
            out[2 * i] = (byte) (value >>> 8);
            out[2 * i + 1] = (byte) value;
        }
        if (endsInIpv4) {
            parseIpv4(fields[fields.length - 1], out, 2 * hexGroups);
        }
        return out;
    }

    private static int hexGroup(String field) {
        if (field.isEmpty() || field.length() > 4) {
            throw new Refused("each IPv6 group has one to four hex digits");
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            int digit = hexDigit(field.charAt(i));
            if (digit < 0) {
                throw new Refused("each IPv6 group has one to four hex digits");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** Like {@link Character#digit(char, int)} for radix 16, but ASCII only (no full-width or other digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        if (isMapped(bytes)) {
            return "::ffff:" + format(Arrays.copyOfRange(bytes, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
            } else {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                    out.append(':');
                }
                out.append(Integer.toHexString(groups[i]));
            }
        }
        return out.toString();
    }

    private static boolean isMapped(byte[] bytes) {
        return bytes.length == 16 && Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12);
    }

    /** Why a text is not a literal; without stack trace, as refusing untrusted input is routine and must be cheap. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
