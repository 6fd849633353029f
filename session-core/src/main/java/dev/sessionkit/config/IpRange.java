package dev.sessionkit.config;

import dev.sessionkit.net.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block of IP addresses of one family, written as a CIDR ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a
 * single address ({@code 192.168.1.7}, {@code ::1}); used for {@code trusted-proxies}.
 *
 * <p>Parsing reads literals only and never does a DNS lookup, so host names are refused. IPv4-mapped IPv6
 * addresses ({@code ::ffff:10.0.0.1}) count as IPv4, in ranges and in {@link #contains}; otherwise an IPv4 range
 * never contains an IPv6 address and an IPv6 range never contains an IPv4 address ({@code ::/0} is all of IPv6,
 * not everything).
 *
 * <p>Immutable and thread-safe; equal when they cover the same addresses.
 */
public final class IpRange {

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses a CIDR or single address literal, ignoring surrounding blanks.
     *
     * @param text e.g. {@code 10.0.0.0/8}, {@code ::1/128} or {@code 192.168.1.7}; not null
     * @return the range; a single address gives a range of just that address
     * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 literal with an optional prefix length
     *     in range, or has bits set beyond the prefix ({@code 10.0.0.1/8}); the message says which
     * @throws NullPointerException if {@code text} is null
     */
    public static IpRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = IpLiterals.parseOrThrow(address).getAddress();
        if (bytes.length == 4 && address.indexOf(':') >= 0) {
            // An IPv4-mapped literal comes back as IPv4; keep its IPv6 form so the prefix length counts 128 bits.
            bytes = mapped(bytes);
        }
        int prefix = slash < 0 ? bytes.length * 8 : prefixLength(value.substring(slash + 1), bytes.length * 8);
        if (isMapped(bytes) && prefix >= 96) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
            prefix -= 96;
        }
        byte[] network = mask(bytes, prefix);
        if (!Arrays.equals(network, bytes)) {
            throw new IllegalArgumentException("address has bits set beyond the prefix length; did you mean "
                    + new IpRange(network, prefix) + "?");
        }
        return new IpRange(network, prefix);
    }

    /**
     * Tells whether an address lies in this range; an IPv4-mapped IPv6 address is tested as its IPv4 address.
     *
     * @param address the address to test, e.g. a request's remote address; not null
     * @return true if the address is of this range's family and its first {@link #prefixLength()} bits match
     * @throws NullPointerException if {@code address} is null
     */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (isMapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /**
     * Returns how many leading bits of an address must match.
     *
     * @return 0 to 32 for IPv4, 0 to 128 for IPv6
     */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Tells the range's family.
     *
     * @return true for IPv4 (including ranges written as IPv4-mapped IPv6), false for IPv6
     */
    public boolean isIpv4() {
        return network.length == 4;
    }

    /**
     * Returns the canonical CIDR text, which {@link #parse} reads back to an equal range.
     *
     * @return e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}; never null
     */
    @Override
    public String toString() {
        try {
            return IpLiterals.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
        } catch (UnknownHostException impossible) {
            // Only thrown for an array that is neither 4 nor 16 bytes long, which a range never holds.
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Tells whether another object is a range covering exactly the same addresses.
     *
     * @param other any object, possibly null
     * @return true for an {@code IpRange} with the same network and prefix length
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange && ((IpRange) other).prefixLength == prefixLength
                && Arrays.equals(((IpRange) other).network, network);
    }

    /**
     * Returns a hash consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    private static int prefixLength(String text, int max) {
        boolean digits = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = digits ? Integer.parseInt(text) : -1;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("prefix length must be a number from 0 to " + max);
        }
        return value;
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = Arrays.copyOf(MAPPED_PREFIX, 16);
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static boolean isMapped(byte[] bytes) {
        return bytes.length == 16 && Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int bits = Math.min(8, Math.max(0, prefix - 8 * i));
            out[i] = (byte) (bytes[i] & (0xff << (8 - bits)));
        }
        return out;
    }
}
