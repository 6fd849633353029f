package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9457 problem details ({@code application/problem+json}): a status, a short title and a detail for people.
 * Never a stack trace, never a token. Used by the filter and by the REST module, so every error looks the same.
 */
public final class Problems {

    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * Renders a problem as JSON.
     *
     * @param status the HTTP status
     * @param title a short, fixed summary, e.g. "Not Found"
     * @param detail what happened and what to do, for people
     * @return the JSON document
     */
    public static String json(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}";
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = json(status, title, detail).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** JSON string literal for text we write ourselves; escapes what JSON requires. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
