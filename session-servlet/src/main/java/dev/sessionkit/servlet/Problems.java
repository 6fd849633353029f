package dev.sessionkit.servlet;

import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.security.ReauthenticationRequiredException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
        return json(status, "about:blank", title, detail, Map.of());
    }

    /**
     * Renders a problem of a named type, with extension members (RFC 9457 section 3.2).
     *
     * @param status the HTTP status
     * @param type the problem type URI
     * @param title a short, fixed summary
     * @param detail what happened and what to do, for people
     * @param extensions further members, in order; never a secret
     * @return the JSON document
     */
    public static String json(int status, String type, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extensions);
        return JsonWriter.compact(problem);
    }

    /**
     * Renders the 403 answer to an action that needs a fresher credential: the type ends in
     * {@code reauthentication-required}, {@code maxAge} (ISO-8601) and {@code maxAgeSeconds} say how recent.
     *
     * @param refused what was refused
     * @return the JSON document
     */
    public static String reauthenticationRequired(ReauthenticationRequiredException refused) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("maxAge", refused.maxAge().toString());
        extensions.put("maxAgeSeconds", refused.maxAge().toSeconds());
        return json(403, ReauthenticationRequiredException.PROBLEM_TYPE, "Reauthentication Required",
                refused.getMessage(), extensions);
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        writeJson(response, status, json(status, title, detail));
    }

    static void writeJson(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
