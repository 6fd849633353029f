package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.net.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    /** An address from a literal, parsed without any lookup. */
    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }

    /** An IPv4-mapped address kept as Inet6Address, as some socket stacks report it. */
    private static InetAddress mapped(String ipv4) throws UnknownHostException {
        byte[] v4 = ip(ipv4).getAddress();
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return Inet6Address.getByAddress(null, v6, -1);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.1.2.3, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "172.16.0.0/12, 172.31.255.255, true",
        "172.16.0.0/12, 172.32.0.0, false",
        "10.0.0.128/25, 10.0.0.255, true",
        "10.0.0.128/25, 10.0.0.127, false",
        "10.0.0.0/31, 10.0.0.1, true",
        "10.0.0.0/31, 10.0.0.2, false",
        "192.168.1.7, 192.168.1.7, true",
        "192.168.1.7, 192.168.1.8, false",
        "192.168.1.7/32, 192.168.1.7, true",
        "0.0.0.0/0, 1.2.3.4, true",
        "0.0.0.0/0, 255.255.255.255, true",
        "0.0.0.0/0, ::1, false",
        "0.0.0.0/0, 2001:db8::1, false",
        "::/0, ::1, true",
        "::/0, 2001:db8::1, true",
        "::/0, 10.0.0.1, false",
        "::1/128, ::1, true",
        "::1/128, ::2, false",
        "::1, ::1, true",
        "::1/128, 127.0.0.1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::, false",
        "fe80::/10, febf::1, true",
        "fe80::/10, fec0::1, false",
        "2001:db8::/127, 2001:db8::1, true",
        "2001:db8::/127, 2001:db8::2, false",
        "::ffff:10.0.0.0/104, 10.9.9.9, true",
        "::ffff:10.0.0.1, 10.0.0.1, true",
        "::ffff:0:0/96, 8.8.8.8, true",
        "::ffff:0:0/96, ::1, false",
    })
    void containsWhenAddressTestedThenFamilyAndPrefixDecide(String range, String address, boolean expected) {
        assertEquals(expected, IpRange.parse(range).contains(ip(address)));
    }

    @Test
    void containsWhenAddressIsMappedInet6ThenTestedAsIpv4() throws UnknownHostException {
        assertTrue(mapped("10.0.0.1") instanceof Inet6Address);
        assertTrue(IpRange.parse("10.0.0.0/8").contains(mapped("10.0.0.1")));
        assertFalse(IpRange.parse("10.0.0.0/8").contains(mapped("11.0.0.1")));
        assertTrue(IpRange.parse("::ffff:10.0.0.0/104").contains(mapped("10.0.0.1")));
        assertFalse(IpRange.parse("::/0").contains(mapped("10.0.0.1")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8, true",
        "192.168.1.7, 192.168.1.7/32, true",
        "0.0.0.0/0, 0.0.0.0/0, true",
        "::1, ::1/128, false",
        "::/0, ::/0, false",
        "2001:0DB8:0000:0000::/32, 2001:db8::/32, false",
        "0:0:0:0:0:0:0:1, ::1/128, false",
        "1:0:0:1:0:0:0:1, 1:0:0:1::1/128, false",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0/128, false",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128, false",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0/128, false",
        "::1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7/128, false",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304/128, false",
        "::1.2.3.4, ::102:304/128, false",
        "::ffff:10.0.0.0/104, 10.0.0.0/8, true",
        "::FFFF:192.168.1.7, 192.168.1.7/32, true",
        " 10.0.0.0/8 , 10.0.0.0/8, true",
    })
    void parseWhenValidThenCanonicalFormAndFamily(String text, String canonical, boolean ipv4) {
        IpRange range = IpRange.parse(text);
        assertEquals(canonical, range.toString());
        assertEquals(ipv4, range.isIpv4());
        assertEquals(range, IpRange.parse(canonical));
        assertEquals(range.hashCode(), IpRange.parse(canonical).hashCode());
    }

    @Test
    void prefixLengthWhenEdgesThenKept() {
        assertEquals(0, IpRange.parse("0.0.0.0/0").prefixLength());
        assertEquals(32, IpRange.parse("1.2.3.4/32").prefixLength());
        assertEquals(32, IpRange.parse("1.2.3.4").prefixLength());
        assertEquals(0, IpRange.parse("::/0").prefixLength());
        assertEquals(128, IpRange.parse("::1").prefixLength());
        assertEquals(128, IpRange.parse("2001:db8::1/128").prefixLength());
    }

    @Test
    void equalsWhenFamiliesOrPrefixesDifferThenNotEqual() {
        assertNotEquals(IpRange.parse("0.0.0.0/0"), IpRange.parse("::/0"));
        assertNotEquals(IpRange.parse("10.0.0.0/8"), IpRange.parse("10.0.0.0/9"));
        assertNotEquals(IpRange.parse("10.0.0.0/8"), "10.0.0.0/8");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"localhost", "example.com", "proxy.internal", "a.b.c.d", "10.0.0.1/8", "1.2.3.4/0",
        "::1/0", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/ 8", "10.0.0.0/08x", "10.0.0",
        "10.0.0.0.0", "256.0.0.1", "010.0.0.1", "1.2.3.4/", "/8", "", " ", "fe80::1%eth0", "1::2::3",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::", "1::2:", ":::", "12345::", "g::1", "::1.2.3.4.5",
        "::1.2.3.4:1", "1.2.3.4:80", "[::1]", "\uff11.\uff12.\uff13.\uff14", "\u0661.2.3.4", "1.2.3.4/8/9",
        "1:2:3:4:5:6:7:1.2.3.4", "0x0a.0.0.1", "10.0.0.0/\u0668"})
    void parseWhenNotALiteralCidrThenIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse(text));
    }

    @Test
    void parseWhenHostBitsSetThenMessageSuggestsTheNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpRange.parse("192.168.1.7/24"));
        assertTrue(e.getMessage().contains("192.168.1.0/24"), e.getMessage());
    }

    @Test
    void parseWhenHostNameThenRefusedWithoutLookup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpRange.parse("localhost"));
        assertTrue(e.getMessage().contains("host names are not accepted"), e.getMessage());
    }

    @Test
    void parseOrContainsWhenNullThenNullPointerException() {
        assertThrows(NullPointerException.class, () -> IpRange.parse(null));
        assertThrows(NullPointerException.class, () -> IpRange.parse("::1").contains(null));
    }
}
