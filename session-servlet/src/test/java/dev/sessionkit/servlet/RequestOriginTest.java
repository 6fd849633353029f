package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sessionkit.servlet.RequestOrigin.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one same-origin rule, on header values alone ("-" stands for an absent header). */
class RequestOriginTest {

    private static final String OWN = "https://app.example";

    @ParameterizedTest
    @CsvSource({
        "-, same-origin, -, SAME_ORIGIN",
        "-, ' Same-Origin ', -, SAME_ORIGIN",
        "-, cross-site, -, CROSS_SITE",
        "-, same-site, https://app.example, CROSS_SITE",
        "-, none, -, CROSS_SITE",
        "-, '', -, CROSS_SITE",
        "-, 'same-origin, cross-site', -, CROSS_SITE",
        "-, cross-site, https://app.example, CROSS_SITE",
        "-, -, https://app.example, SAME_ORIGIN",
        "-, -, HTTPS://APP.EXAMPLE, SAME_ORIGIN",
        "-, -, https://evil.example, CROSS_SITE",
        "-, -, http://app.example, CROSS_SITE",
        "-, -, https://app.example:8443, CROSS_SITE",
        "-, -, null, CROSS_SITE",
        "-, -, -, UNKNOWN",
        "script, cross-site, https://evil.example, SAME_ORIGIN"})
    void judgeWhenHeadersGivenThenKind(String proof, String fetchSite, String origin, Kind expected) {
        assertEquals(expected, RequestOrigin.judge(absent(proof), absent(fetchSite), absent(origin), OWN).kind());
    }

    @ParameterizedTest
    @CsvSource({"http, h, 80, http://h", "https, h, 443, https://h", "HTTP, 127.0.0.1, 8080, http://127.0.0.1:8080",
        "https, h, 80, https://h:80"})
    void ownOriginWhenDefaultPortThenOmitted(String scheme, String host, int port, String expected) {
        assertEquals(expected, RequestOrigin.ownOrigin(scheme, host, port));
    }

    @ParameterizedTest
    @CsvSource({"'cross-site\r\nX-Injected: 1'", "'<script>alert(1)</script>'"})
    void evidenceWhenFetchSiteIsGarbageThenNotEchoed(String fetchSite) {
        String evidence = RequestOrigin.judge(null, fetchSite, null, OWN).evidence();
        assertFalse(evidence.contains("Injected") || evidence.contains("<"), evidence);
    }

    private static String absent(String value) {
        return "-".equals(value) ? null : value;
    }
}
