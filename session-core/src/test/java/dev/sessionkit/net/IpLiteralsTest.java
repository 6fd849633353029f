package dev.sessionkit.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "FE80::ABCD", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4",
        "2a00:1450:4001:800::200e", "0000:0000:0000:0000:0000:ffff:255.255.255.255"})
    void parseWhenStrictLiteralThenSameBytesAsJdkLiteralParser(String literal) throws Exception {
        // getByName does no DNS for these: each is a literal the JDK recognises too.
        InetAddress expected = InetAddress.getByName(literal);

        InetAddress parsed = IpLiterals.parse(literal).orElseThrow();

        assertArrayEquals(expected.getAddress(), parsed.getAddress());
        assertEquals(expected.getClass(), parsed.getClass());
        assertEquals(parsed, IpLiterals.parseOrThrow(literal));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" 8.8.8.8", "8.8.8.8 ", "1.2.3", "1", "16909060", "0x7f.0.0.1", "0x0a.0.0.1", "010.0.0.1",
        "256.0.0.1", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "-1.2.3.4", "+1.2.3.4", "a.b.c.d", "[::1]", "[::1]:443",
        "fe80::1%eth0", "fe80::1%1", ":::", "1:::2", "1::2::3", ":1::2", ":1::", "1::2:", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7", "12345::", "g::1", "1.2.3.4::", "1.2.3.4::1", "::1.2.3", "::256.1.1.1",
        "::01.2.3.4", "::1.2.3.4.5", "::1.2.3.4:1", "1:2:3:4:5:6:7:1.2.3.4", "8.8.8.8:443", "example.invalid",
        "localhost", "sessionkit.example", "١.٢.٣.٤", "\u0661.2.3.4", "８.８.８.８", "\uff11::1",
        "1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa:bbbb",
        "00000:0000:0000:0000:0000:ffff:255.255.255.255"})
    void parseWhenNotStrictLiteralThenEmptyAndParseOrThrowRefuses(String text) {
        assertEquals(Optional.empty(), IpLiterals.parse(text));
        if (text == null) {
            assertThrows(NullPointerException.class, () -> IpLiterals.parseOrThrow(null));
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IpLiterals.parseOrThrow(text));
            assertFalse(e.getMessage().isBlank());
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "localhost | host names are not accepted",
        "proxy.example.com | host names are not accepted",
        "010.0.0.1 | without leading zeros",
        "1.2.3 | four dot-separated numbers",
        "fe80::1%eth0 | zone ids",
        "[::1] | without brackets",
        "1::2::3 | may appear only once",
        "1:2:3:4:5:6:7 | eight groups",
        "g::1 | hex digits",
        "'' | empty",
        "0000:0000:0000:0000:0000:0000:0000:0000:0000:0000 | longer than any IP address literal",
    })
    void parseOrThrowWhenNotLiteralThenMessageSaysWhy(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpLiterals.parseOrThrow(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void parseWhenHostNameThenRejectedBeforeAnyInetAddressCall() {
        // parse() only ever calls InetAddress.getByAddress, and only with bytes it parsed itself, so a name that is
        // not a literal never reaches the JDK resolver. ".invalid" names can never resolve (RFC 6761).
        assertEquals(Optional.empty(), IpLiterals.parse("example.invalid"));
        assertThrows(IllegalArgumentException.class, () -> IpLiterals.parseOrThrow("example.invalid"));
    }

    @Test
    void mainSourcesWhenScannedThenNeverCallTheJdkNameResolver() throws Exception {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java/dev/sessionkit/net");
        try (Stream<Path> files = Files.list(sources)) {
            List<Path> javaFiles = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertFalse(javaFiles.isEmpty(), "no sources found in " + sources);
            for (Path file : javaFiles) {
                String source = Files.readString(file);
                for (String call : List.of("getByName(", "getAllByName(", "getCanonicalHostName(", ".getHostName(")) {
                    assertFalse(source.contains(call), file.getFileName() + " calls " + call);
                }
            }
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
        "193.99.144.80, 193.99.144.80",
        "FE80::ABCD, fe80::abcd",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "::FFFF:1.2.3.4, 1.2.3.4",
    })
    void parseWhenLiteralThenHostNameIsTheCanonicalLiteralSoNoReverseLookup(String literal, String hostName) {
        InetAddress parsed = IpLiterals.parse(literal).orElseThrow();

        assertEquals(hostName, parsed.getHostName());
    }

    @Test
    void parseWhenIpv4MappedThenInet4AddressAsTheJdkDoes() {
        InetAddress parsed = IpLiterals.parse("::ffff:10.0.0.1").orElseThrow();

        assertTrue(parsed instanceof Inet4Address, parsed.getClass().getName());
        assertArrayEquals(new byte[] {10, 0, 0, 1}, parsed.getAddress());
        assertTrue(IpLiterals.parse("::1.2.3.4").orElseThrow() instanceof Inet6Address, "IPv4-compatible stays IPv6");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "::, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1::, 1::",
        "FFFF::, ffff::",
        "2001:0DB8:0000:0000::, 2001:db8::",
        "1:0:0:1:0:0:0:1, 1:0:0:1::1",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "::1.2.3.4, ::102:304",
        "::FFFF:192.168.1.7, 192.168.1.7",
        "2A00:1450:4001:0800:0000:0000:0000:200E, 2a00:1450:4001:800::200e",
    })
    void formatWhenParsedThenRfc5952CanonicalFormThatParsesBack(String literal, String canonical) {
        InetAddress parsed = IpLiterals.parse(literal).orElseThrow();

        assertEquals(canonical, IpLiterals.format(parsed));
        assertEquals(parsed, IpLiterals.parse(canonical).orElseThrow());
    }

    @Test
    void formatWhenMappedInet6AddressThenMixedNotation() throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = 10;
        bytes[15] = 1;
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);

        assertEquals("::ffff:10.0.0.1", IpLiterals.format(mapped));
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpLiterals.parse("::ffff:10.0.0.1").orElseThrow().getAddress());
    }

    @Test
    void formatWhenScopedInet6AddressThenZoneNotWritten() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null,
                IpLiterals.parse("fe80::1").orElseThrow().getAddress(), 3);

        assertEquals("fe80::1", IpLiterals.format(scoped));
    }

    @Test
    void formatAndParseWhenRandomAddressesThenAgreeWithJdkLiteralParser() throws Exception {
        Random random = new Random(20_240_601L);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[i % 2 == 0 ? 4 : 16];
            random.nextBytes(bytes);
            if (bytes.length == 16) {
                for (int g = 0; g < 8; g++) {
                    if (random.nextInt(3) == 0) { // zero runs of every length and position
                        bytes[2 * g] = 0;
                        bytes[2 * g + 1] = 0;
                    }
                }
            }
            InetAddress address = InetAddress.getByAddress(bytes);
            String text = IpLiterals.format(address);

            // A literal makes getByName skip DNS; it is the reference for what the text means.
            assertArrayEquals(InetAddress.getByName(text).getAddress(), address.getAddress(), text);
            assertEquals(address, IpLiterals.parse(text).orElseThrow(), text);
            assertEquals(text, IpLiterals.format(IpLiterals.parse(text.toUpperCase()).orElseThrow()), text);
        }
    }

    @Test
    void formatWhenNullThenNullPointerException() {
        assertThrows(NullPointerException.class, () -> IpLiterals.format(null));
    }

    @Test
    void classWhenInspectedThenFinalWithStaticMethodsAndNoState() {
        assertTrue(Modifier.isFinal(IpLiterals.class.getModifiers()));
        assertEquals(0, IpLiterals.class.getConstructors().length);
        assertTrue(Arrays.stream(IpLiterals.class.getDeclaredMethods()).allMatch(m -> Modifier.isStatic(m.getModifiers())
                || m.isSynthetic()));
        assertTrue(Arrays.stream(IpLiterals.class.getDeclaredFields()).allMatch(f -> Modifier.isStatic(f.getModifiers())
                && Modifier.isFinal(f.getModifiers())));
    }
}
