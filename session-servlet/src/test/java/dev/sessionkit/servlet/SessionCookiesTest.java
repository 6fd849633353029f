package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sessionkit.token.TokenGenerator;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCookiesTest {

    private final SessionCookies cookies = new SessionCookies(WebSettings.defaults(),
            TokenGenerator.secureRandom(new SecureRandom()));

    private static HttpServletRequest withCookieHeaders(String... headers) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeaders("Cookie")).thenReturn(Collections.enumeration(List.of(headers)));
        return request;
    }

    @Test
    void readsTheOneSessionCookieAmongOthers() {
        PresentedToken read = cookies.read(withCookieHeaders("a=1; __Host-sid=abc ; theme=dark"));
        assertEquals(new PresentedToken.Present("abc"), read);
    }

    @Test
    void theUnprefixedNameIsNotTheSessionCookieWhenSecure() {
        assertInstanceOf(PresentedToken.Absent.class, cookies.read(withCookieHeaders("sid=abc")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"__Host-sid=a; __Host-sid=b", "__Host-sid=a; __Host-sid=a", "__Host-sid", "__Host-sid="})
    void duplicatedOrEmptyIsRefused(String header) {
        assertInstanceOf(PresentedToken.Refused.class, cookies.read(withCookieHeaders(header)));
    }

    @Test
    void aDuplicateAcrossTwoCookieHeadersIsRefusedToo() {
        assertInstanceOf(PresentedToken.Refused.class,
                cookies.read(withCookieHeaders("__Host-sid=a", "__Host-sid=b")));
    }

    @Test
    void noCookieHeaderMeansAbsent() {
        assertInstanceOf(PresentedToken.Absent.class, cookies.read(withCookieHeaders()));
    }

    @Test
    void aMalformedBrowserIdIsIgnored() {
        assertEquals(Optional.empty(), cookies.readBrowserId(withCookieHeaders("__Host-bid=short")));
        String good = "b".repeat(43);
        assertEquals(Optional.of(good), cookies.readBrowserId(withCookieHeaders("__Host-bid=" + good)));
    }
}
