package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "FE80::ABCD", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4",
        "2a00:1450:4001:800::200e"})
    void parseWhenStrictLiteralThenSameBytesAsJdkLiteralParser(String literal) throws Exception {
        // getByName does no DNS for these: each is a literal the JDK recognises too.
        InetAddress expected = InetAddress.getByName(literal);

        InetAddress parsed = IpLiterals.parse(literal).orElseThrow();

        assertArrayEquals(expected.getAddress(), parsed.getAddress());
        assertEquals(expected.getClass(), parsed.getClass());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" 8.8.8.8", "8.8.8.8 ", "1.2.3", "1", "16909060", "0x7f.0.0.1", "010.0.0.1", "256.0.0.1",
        "1.2.3.4.5", "1..2.3", "1.2.3.", "-1.2.3.4", "+1.2.3.4", "[::1]", "fe80::1%eth0", "fe80::1%1", ":::", "1:::2",
        "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7", "12345::", "g::1",
        "1.2.3.4::", "1.2.3.4::1", "::1.2.3", "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", "8.8.8.8:443",
        "example.invalid", "localhost", "sessionkit.example", "١.٢.٣.٤", "８.８.８.８",
        "1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa:bbbb"})
    void parseWhenNotStrictLiteralThenEmpty(String text) {
        assertEquals(Optional.empty(), IpLiterals.parse(text));
    }

    @Test
    void parseWhenHostNameThenRejectedBeforeAnyInetAddressCall() {
        // parse() only ever calls InetAddress.getByAddress, and only with bytes it parsed itself, so a name that is
        // not a literal never reaches the JDK resolver. ".invalid" names can never resolve (RFC 6761).
        assertEquals(Optional.empty(), IpLiterals.parse("example.invalid"));
        assertEquals(Optional.empty(), IpLiterals.parsePublic("example.invalid"));
    }

    @Test
    void mainSourcesWhenScannedThenNeverCallTheJdkNameResolver() throws Exception {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java/dev/sessionkit/location");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String call : List.of("getByName(", "getAllByName(", "getCanonicalHostName(", ".getHostName(")) {
                    assertFalse(source.contains(call), file.getFileName() + " calls " + call);
                }
            }
        }
    }

    @Test
    void parseWhenLiteralThenHostNameIsTheLiteralSoNoReverseLookup() {
        InetAddress parsed = IpLiterals.parse("193.99.144.80").orElseThrow();

        assertEquals("193.99.144.80", parsed.getHostName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.1.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.1.1.1", "240.0.0.1",
        "255.255.255.255", "192.0.2.1", "198.51.100.1", "203.0.113.1", "198.18.0.1", "192.0.0.8", "::1", "::",
        "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "::ffff:10.0.0.1",
        "::ffff:127.0.0.1", "::ffff:192.168.0.1"})
    void isPublicWhenReservedAddressThenFalse(String literal) {
        assertFalse(IpLiterals.isPublic(IpLiterals.parse(literal).orElseThrow()), literal);
        assertEquals(Optional.empty(), IpLiterals.parsePublic(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
        "193.99.144.80", "11.0.0.1", "2a00:1450:4001:800::200e", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void isPublicWhenRoutableAddressThenTrue(String literal) {
        assertTrue(IpLiterals.isPublic(IpLiterals.parse(literal).orElseThrow()), literal);
    }
}
