package dev.sessionkit.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes IP address literals without ever touching DNS: {@link java.net.InetAddress#getByName} would
 * resolve anything that is not a literal, so Sessionkit parses the two textual forms itself.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** Parses dotted-quad IPv4 ({@code 192.168.1.7}); leading zeros are refused as they mean octal to some tools. */
    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has four dot-separated numbers");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) octet(parts[i]);
        }
        return bytes;
    }

    /** Parses RFC 4291 text ({@code ::1}, {@code 2001:db8::}, {@code ::ffff:10.0.0.1}); zone ids are refused. */
    static byte[] parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            throw new IllegalArgumentException("zone ids (%...) are not accepted");
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("'::' may appear only once");
        }
        List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        int count = head.size() + tail.size();
        if (gap < 0 ? count != 8 : count > 7) {
            throw new IllegalArgumentException("an IPv6 address has eight groups, or fewer with '::'");
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = count; i < 8; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all.get(i) >> 8);
            bytes[2 * i + 1] = (byte) (int) all.get(i);
        }
        return bytes;
    }

    /** Formats four bytes as a dotted quad. */
    static String formatIpv4(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** Formats an IPv6 address per RFC 5952: lower case, no leading zeros, the longest zero run as {@code ::}. */
    static String formatIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
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
        StringBuilder out = new StringBuilder();
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

    private static List<Integer> groups(String part, boolean ipv4TailAllowed) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (ipv4TailAllowed && i == fields.length - 1 && field.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(field);
                groups.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                groups.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else {
                groups.add(hexGroup(field));
            }
        }
        return groups;
    }

    private static int hexGroup(String field) {
        if (field.isEmpty() || field.length() > 4) {
            throw new IllegalArgumentException("each IPv6 group has one to four hex digits");
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            int digit = hexDigit(field.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("each IPv6 group has one to four hex digits");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static int octet(String part) {
        boolean digits = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || (part.length() > 1 && part.charAt(0) == '0')) {
            throw new IllegalArgumentException("each IPv4 number is 0 to 255 without leading zeros");
        }
        int value = Integer.parseInt(part);
        if (value > 255) {
            throw new IllegalArgumentException("each IPv4 number is 0 to 255 without leading zeros");
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
}
