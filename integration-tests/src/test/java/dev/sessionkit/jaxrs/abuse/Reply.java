package dev.sessionkit.jaxrs.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What came back for one request: the status ({@link #NO_ANSWER} when the server closed the connection without
 * one), every header line in order, and the body as UTF-8 text.
 *
 * @param status the HTTP status, or {@link #NO_ANSWER}
 * @param headers name and value of each header line
 * @param body the decoded body
 */
record Reply(int status, List<String[]> headers, String body) {

    /** The server closed the connection without answering (e.g. an oversize request it would not read). */
    static final int NO_ANSWER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the request was served: any 2xx. */
    boolean passed() {
        return status >= 200 && status < 300;
    }

    List<String> all(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    String contentType() {
        return first("Content-Type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The value a {@code Set-Cookie} of this response gives the named cookie (empty string when it clears it). */
    Optional<String> setCookie(String name) {
        return all("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst();
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + (body.length() <= 300 ? body : body.substring(0, 300) + "…");
    }
}
