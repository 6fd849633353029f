package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.net.IpLiterals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"example.invalid", "localhost", "8.8.8.8 ", "010.0.0.1", "[2001:4860:4860::8888]",
        "2a00:1450:4001:800::200e%eth0"})
    void parsePublicWhenNotStrictLiteralThenEmpty(String text) {
        // ".invalid" names can never resolve (RFC 6761), and none of these reaches the JDK resolver anyway.
        assertEquals(Optional.empty(), PublicAddresses.parsePublic(text));
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

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.1.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.1.1.1", "240.0.0.1",
        "255.255.255.255", "192.0.2.1", "198.51.100.1", "203.0.113.1", "198.18.0.1", "192.0.0.8", "::1", "::",
        "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "::ffff:10.0.0.1",
        "::ffff:127.0.0.1", "::ffff:192.168.0.1"})
    void isPublicWhenReservedAddressThenFalse(String literal) {
        assertFalse(PublicAddresses.isPublic(IpLiterals.parse(literal).orElseThrow()), literal);
        assertEquals(Optional.empty(), PublicAddresses.parsePublic(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
        "193.99.144.80", "11.0.0.1", "2a00:1450:4001:800::200e", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void isPublicWhenRoutableAddressThenTrue(String literal) {
        assertTrue(PublicAddresses.isPublic(IpLiterals.parse(literal).orElseThrow()), literal);
        assertEquals(IpLiterals.parse(literal), PublicAddresses.parsePublic(literal));
    }
}
