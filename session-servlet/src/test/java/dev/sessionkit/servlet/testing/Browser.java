package dev.sessionkit.servlet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal browser over {@link HttpClient}: keeps cookies by name from {@code Set-Cookie} (a {@code Max-Age=0}
 * removes one), sends them back in one {@code Cookie} header, and never follows redirects. Parsing the headers
 * here, instead of using a CookieManager, lets tests see exactly what the server sent, Secure cookies on plain
 * HTTP included.
 */
public final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    public Browser(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Browser userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Signs in through the test app's login servlet; returns the new session's public id. */
    public String login(String user, String roles) {
        HttpResponse<String> response = post("/login", Map.of("username", user, "roles", roles));
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Sends any request with this browser's cookies, remembering what it sets. */
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.header("User-Agent", userAgent).timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response;
            try {
                response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!isStaleConnection(e)) {
                    throw e;
                }
                // The shared client reused a pooled connection that a stopped test server had closed (a later
                // server can get the same port) and not one byte came back, so the request is sent once more.
                response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            }
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isStaleConnection(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (header.contains("Max-Age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
