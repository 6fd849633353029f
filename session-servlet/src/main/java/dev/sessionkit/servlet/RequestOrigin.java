package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a browser says a request was sent from: the one same-origin rule of Sessionkit, used by the REST API's
 * cross-site request forgery guard and by {@link SessionLogin}'s sign-in and sign-out. In this order:
 * <ul>
 *   <li>{@code X-Requested-With} present (any value): {@link Kind#SAME_ORIGIN}, as a cross-site page cannot send a
 *       custom header without passing a CORS preflight;</li>
 *   <li>{@code Sec-Fetch-Site} present: {@code same-origin} is {@link Kind#SAME_ORIGIN}, anything else
 *       ({@code cross-site}, {@code same-site} from a sibling subdomain, {@code none}) {@link Kind#CROSS_SITE};</li>
 *   <li>from browsers without fetch metadata, an {@code Origin} equal to the request's own origin (scheme, host,
 *       port) is {@link Kind#SAME_ORIGIN}, any other one (including {@code null}) {@link Kind#CROSS_SITE};</li>
 *   <li>none of these headers: {@link Kind#UNKNOWN}, as from programs and old browsers.</li>
 * </ul>
 *
 * @param kind what the headers prove
 * @param evidence why, for messages: e.g. "this request came from another site (Sec-Fetch-Site: cross-site)";
 *     never a header value other than a well-formed fetch-metadata token
 */
public record RequestOrigin(Kind kind, String evidence) {

    /** The custom header that proves a script of this site (or an API client) sent the request. */
    public static final String PROOF_HEADER = "X-Requested-With";

    private static final Pattern FETCH_SITE_TOKEN = Pattern.compile("[a-z-]{1,20}");

    /** What a request's headers prove about where it was sent from. */
    public enum Kind {
        /** Sent by this site's own pages or scripts, or by a program that says so with the proof header. */
        SAME_ORIGIN,
        /** A browser marks it as sent from another site (or origin). */
        CROSS_SITE,
        /** No header says either way: a program or an old browser. */
        UNKNOWN
    }

    /**
     * Creates a judgement.
     *
     * @param kind what the headers prove; not null
     * @param evidence why; not null
     */
    public RequestOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * Judges a request by its headers and its own origin.
     *
     * @param request the request
     * @return the judgement; never null
     */
    public static RequestOrigin of(HttpServletRequest request) {
        return judge(request.getHeader(PROOF_HEADER), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"), ownOrigin(request.getScheme(), request.getServerName(),
                        request.getServerPort()));
    }

    /**
     * The rule itself, on header values alone.
     *
     * @param proofHeader the {@code X-Requested-With} value, or null
     * @param fetchSite the {@code Sec-Fetch-Site} value, or null
     * @param origin the {@code Origin} value, or null
     * @param ownOrigin the request's own origin, e.g. {@code https://app.example} (see {@link #ownOrigin})
     * @return the judgement; never null
     */
    public static RequestOrigin judge(String proofHeader, String fetchSite, String origin, String ownOrigin) {
        if (proofHeader != null) {
            return new RequestOrigin(Kind.SAME_ORIGIN, "it carries the " + PROOF_HEADER + " header");
        }
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (site.equals("same-origin")) {
                return new RequestOrigin(Kind.SAME_ORIGIN, "Sec-Fetch-Site is same-origin");
            }
            String shown = FETCH_SITE_TOKEN.matcher(site).matches() ? site : "an unknown value";
            return new RequestOrigin(Kind.CROSS_SITE,
                    "this request came from another site (Sec-Fetch-Site: " + shown + ")");
        }
        if (origin != null) {
            return origin.strip().equalsIgnoreCase(ownOrigin)
                    ? new RequestOrigin(Kind.SAME_ORIGIN, "its Origin is this site")
                    : new RequestOrigin(Kind.CROSS_SITE, "its Origin is not this site");
        }
        return new RequestOrigin(Kind.UNKNOWN, "it carries no Origin, Sec-Fetch-Site or " + PROOF_HEADER + " header");
    }

    /**
     * Writes an origin as browsers send it in {@code Origin}: lower-case scheme, host, and the port unless it is
     * the scheme's default.
     *
     * @param scheme e.g. {@code https}
     * @param host the host name or address the request was sent to
     * @param port the port the request was sent to
     * @return e.g. {@code https://app.example} or {@code http://127.0.0.1:8080}
     */
    public static String ownOrigin(String scheme, String host, int port) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = ("http".equals(lower) && port == 80) || ("https".equals(lower) && port == 443);
        return lower + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** {@return whether a browser marks the request as sent from another site} */
    public boolean isCrossSite() {
        return kind == Kind.CROSS_SITE;
    }
}
