package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the {@code Cookie} header parsing of {@link SessionCookies}, which decides what a request presents as its
 * session: whatever headers arrive, {@code read} answers Absent, Present or Refused exactly as RFC 6265
 * section 5.4 reads the pairs (split at {@code ;}, only SP and HTAB trimmed around name and value), so it never
 * returns a value that was not sent as that cookie: a cookie whose name merely contains or resembles the session
 * cookie's name (other blanks around it, another case) is not the session cookie, so neither a look-alike nor a
 * {@code __Host-} prefix bypass can plant a session. {@code readBrowserId} returns only a well-formed token sent
 * exactly once. Several {@code Cookie} headers read like one joined with {@code "; "} (HTTP/2 sends cookie
 * crumbs), and the cookie {@code issue} sets reads back as the token written.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/servlet/SessionCookiesFuzzTestInputs/<method>/};
 * each line of an input is one {@code Cookie} header value.
 */
class SessionCookiesFuzzTest {

    private static final TokenGenerator UNUSED = TokenGenerator.secureRandom(new SecureRandom());
    private static final List<SessionCookies> CONFIGURATIONS = List.of(
            new SessionCookies(WebSettings.defaults(), UNUSED), // __Host-sid and __Host-bid
            new SessionCookies(WebSettings.builder().cookieSecure(false).build(), UNUSED)); // sid and bid

    @FuzzTest
    void readCookies(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        List<String> headers = input.isEmpty() ? List.of() : List.of(input.split("\n", -1));
        for (SessionCookies cookies : CONFIGURATIONS) {
            String name = cookies.sessionName();
            PresentedToken read = cookies.read(request(headers));

            List<String> sent = valuesByRfc(headers, name);
            PresentedToken expected = sent.isEmpty() ? new PresentedToken.Absent()
                    : sent.size() > 1 || sent.get(0).isEmpty() ? new PresentedToken.Refused("")
                    : new PresentedToken.Present(sent.get(0));
            assertSameKind(expected, read, name, headers);
            if (read instanceof PresentedToken.Present present) {
                assertEquals(expected, present, "the value sent as " + name + " in " + headers);
                assertTrue(headers.stream().anyMatch(h -> h.contains(present.value())), "never an unsent value");
            }
            // HTTP/2 splits the Cookie header into crumbs; joined again they must read the same.
            PresentedToken joined = cookies.read(request(headers.isEmpty() ? List.of()
                    : List.of(String.join("; ", headers))));
            assertSameKind(read, joined, name, headers);
            if (read instanceof PresentedToken.Present) {
                assertEquals(read, joined);
            }

            String browserName = name.replace("sid", "bid");
            List<String> browserIds = valuesByRfc(headers, browserName);
            Optional<String> expectedBrowserId = browserIds.size() == 1
                    ? SessionToken.parse(browserIds.get(0)).map(SessionToken::reveal) : Optional.empty();
            assertEquals(expectedBrowserId, cookies.readBrowserId(request(headers)),
                    "one well-formed " + browserName + " sent, or none returned: " + headers);

            if (read instanceof PresentedToken.Absent) {
                assertWrittenCookieReadsBack(cookies, headers, input);
            }
        }
    }

    /** Adds the Set-Cookie that issue sends, as the browser would return it, next to the fuzzed cookies. */
    private static void assertWrittenCookieReadsBack(SessionCookies cookies, List<String> headers, String input) {
        SessionToken token = SessionToken.parse(TokenHash.ofSecret(input).hex().substring(0, SessionToken.LENGTH))
                .orElseThrow();
        List<String> setCookies = new ArrayList<>();
        cookies.issue(response(setCookies), token);
        assertEquals(1, setCookies.size(), "one Set-Cookie per login");
        String pair = setCookies.get(0).substring(0, setCookies.get(0).indexOf(';'));
        List<String> withSession = new ArrayList<>(headers);
        withSession.add(pair);
        assertEquals(new PresentedToken.Present(token.reveal()), cookies.read(request(withSession)),
                "the written cookie " + pair + " next to " + headers);
    }

    /**
     * The values sent under {@code name}, read as RFC 6265 section 5.4 and 5.2 do: pairs split at ';', name and
     * value trimmed of SP and HTAB only (so U+2000 or U+3000 before a name makes it another cookie), a pair
     * without '=' counting as an empty value.
     */
    private static List<String> valuesByRfc(List<String> headers, String name) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            for (String pair : header.split(";", -1)) {
                int equals = pair.indexOf('=');
                String pairName = trimWsp(equals < 0 ? pair : pair.substring(0, equals));
                if (pairName.equals(name)) {
                    values.add(equals < 0 ? "" : trimWsp(pair.substring(equals + 1)));
                }
            }
        }
        return values;
    }

    private static String trimWsp(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static void assertSameKind(PresentedToken expected, PresentedToken actual, String name,
            List<String> headers) {
        assertEquals(expected.getClass(), actual.getClass(), name + " in " + headers + " read as " + actual);
    }

    /** A request that has nothing but Cookie headers: SessionCookies must read those, not the container's parse. */
    private static HttpServletRequest request(List<String> cookieHeaders) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionCookiesFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders") && "Cookie".equalsIgnoreCase((String) args[0])) {
                        return Collections.enumeration(cookieHeaders);
                    }
                    throw new UnsupportedOperationException("SessionCookies read " + method.getName());
                });
    }

    /** A response that records Set-Cookie headers and accepts Cache-Control, nothing else. */
    private static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(SessionCookiesFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                        return null;
                    }
                    if (method.getName().equals("setHeader") && "Cache-Control".equals(args[0])) {
                        return null;
                    }
                    throw new UnsupportedOperationException("SessionCookies called " + method.getName());
                });
    }
}
