package dev.sessionkit.servlet.faults;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request a fault test sent and what came back, with monotonic ({@link System#nanoTime()}) start and end times
 * so it can be placed before, during or after a fault.
 *
 * @param kind what the request was, e.g. {@code "app"} or {@code "login"}
 * @param client which client thread sent it
 * @param started when it was sent
 * @param ended when the answer (or the failure) came
 * @param status the HTTP status, or -1 when no answer came (the failure is in {@code body})
 * @param contentType the Content-Type header, or ""
 * @param retryAfter the Retry-After header, or ""
 * @param body the start of the body, or the transport failure
 */
record Exchange(String kind, String client, long started, long ended, int status, String contentType,
        String retryAfter, String body) {

    static Exchange of(String kind, String client, long started, HttpResponse<String> response) {
        return new Exchange(kind, client, started, System.nanoTime(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(""), abbreviate(response.body()));
    }

    static Exchange failed(String kind, String client, long started, Throwable failure) {
        return new Exchange(kind, client, started, System.nanoTime(), -1, "", "", String.valueOf(failure));
    }

    Duration latency() {
        return Duration.ofNanos(ended - started);
    }

    boolean startedAfter(long nanos) {
        return started - nanos >= 0;
    }

    boolean endedBefore(long nanos) {
        return nanos - ended > 0;
    }

    /** Whether this is the store-outage answer: 503 with a problem+json body and a Retry-After header. */
    boolean isOutageAnswer() {
        return status == 503 && contentType.startsWith("application/problem+json") && !retryAfter.isEmpty();
    }

    @Override
    public String toString() {
        return kind + " by " + client + ": " + (status < 0 ? "no answer" : String.valueOf(status)) + " after "
                + latency().toMillis() + " ms [" + contentType + "] " + body;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
