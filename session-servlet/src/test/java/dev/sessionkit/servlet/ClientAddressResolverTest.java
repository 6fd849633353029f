package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sessionkit.config.IpRange;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressResolverTest {

    private static final List<IpRange> PROXIES = List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("::1/128"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            // an untrusted peer's header is ignored
            "203.0.113.5 | 198.51.100.1               | 203.0.113.5",
            // a trusted proxy: the right-most address that is not a trusted proxy
            "10.0.0.1    | 198.51.100.1               | 198.51.100.1",
            "10.0.0.1    | 6.6.6.6, 198.51.100.1      | 198.51.100.1",
            "10.0.0.1    | 198.51.100.1, 10.9.9.9     | 198.51.100.1",
            // a spoofed left part never wins over the first untrusted hop
            "10.0.0.1    | 127.0.0.1, 203.0.113.9     | 203.0.113.9",
            // garbage stops the walk at the last address we could trust
            "10.0.0.1    | 198.51.100.1, not-an-ip    | 10.0.0.1",
            "10.0.0.1    | evil.example.com           | 10.0.0.1",
            // only trusted hops: the left-most one
            "10.0.0.1    | 10.1.1.1                   | 10.1.1.1",
            // no header at all
            "10.0.0.1    |                            | 10.0.0.1",
            // IPv6
            "::1         | 2001:db8::7                | 2001:db8::7",
            "2001:db8::1 | 198.51.100.1               | 2001:db8::1",
    })
    void resolvesThroughTrustedProxiesOnly(String peer, String forwardedFor, String expected) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn(peer);
        when(request.getHeaders("X-Forwarded-For")).thenReturn(Collections.enumeration(
                forwardedFor == null ? List.of() : List.of(forwardedFor)));

        assertEquals(expected, new ClientAddressResolver(PROXIES).resolve(request));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 198.51.100.1", "127.0.0.1, 198.51.100.1"})
    void withoutTrustedProxiesTheSocketAddressIsRecorded(String peer, String forwardedFor) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn(peer);
        when(request.getHeaders("X-Forwarded-For")).thenReturn(Collections.enumeration(List.of(forwardedFor)));

        assertEquals(peer, new ClientAddressResolver(List.of()).resolve(request));
    }
}
