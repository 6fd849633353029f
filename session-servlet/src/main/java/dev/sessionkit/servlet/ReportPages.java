package dev.sessionkit.servlet;

import dev.sessionkit.location.Location;
import dev.sessionkit.security.SecurityEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The small pages of "This wasn't me": every piece of data HTML-escaped, no script, no inline style. */
final class ReportPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ReportPages() {
    }

    /** The confirmation a GET shows: what the sign-in was, and a form that POSTs the token back. */
    static void confirm(HttpServletResponse response, SecurityEvent event, String token) throws IOException {
        write(response, 200, "Was this you?", "<p>Someone signed in to your account on "
                + escape(WHEN.format(event.at())) + describe(event) + ".</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + "<p><label><input type=\"checkbox\" name=\"others\" value=\"true\" checked> Also sign out every"
                + " other device of mine</label></p>"
                + "<p><button type=\"submit\">This wasn't me: sign that session out</button></p></form>"
                + "<p>If it was you, close this page; nothing changes.</p>");
    }

    /** The answer after a POST, and for links that cannot act. */
    static void message(HttpServletResponse response, int status, String title, String text) throws IOException {
        write(response, status, title, "<p>" + escape(text) + "</p>");
    }

    private static String describe(SecurityEvent event) {
        StringBuilder text = new StringBuilder();
        if (!event.device().isEmpty()) {
            text.append(" with ").append(escape(event.device()));
        }
        event.location().map(Location::display).ifPresent(place -> text.append(" from ").append(escape(place)));
        if (!event.ipAddress().isEmpty()) {
            text.append(" (address ").append(escape(event.ipAddress())).append(')');
        }
        return text.toString();
    }

    private static void write(HttpServletResponse response, int status, String title, String body)
            throws IOException {
        response.setStatus(status);
        // The token is in the URL: no cache may keep the page, and no referrer may carry the URL elsewhere.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title) + "</title>"
                + "</head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
