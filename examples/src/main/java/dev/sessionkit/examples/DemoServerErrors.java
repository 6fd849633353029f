package dev.sessionkit.examples;

import dev.sessionkit.servlet.Problems;
import dev.sessionkit.servlet.SecurityHeadersFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The embedded server's answer to errors Jetty raises before any servlet runs (an ambiguous or malformed path, a
 * request it cannot parse): the same bodies and rule as {@link DemoErrorPages}, never
 * Jetty's own page with the exception in its title.
 */
final class DemoServerErrors extends ErrorHandler {

    private static final SecurityHeadersFilter HEADERS = new SecurityHeadersFilter();

    /** Every method gets a body, DELETE and PUT too (Jetty's default writes none for them). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** A request too malformed to parse has no path to go by: a problem document, what a script can read. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE + ";charset=UTF-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        HEADERS.headers().forEach(fields::put);
        return ByteBuffer.wrap(DemoErrorPages.problem(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        boolean api = DemoErrorPages.wantsProblem("", path, request.getHeaders().get(HttpHeader.ACCEPT));
        String body = api ? DemoErrorPages.problem(code) : DemoErrorPages.page("", code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                api ? Problems.MEDIA_TYPE + ";charset=UTF-8" : "text/html;charset=UTF-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // No servlet filter runs this early: the same browser headers SecurityHeadersFilter sets everywhere else.
        HEADERS.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        // Jetty drops the connection after a request it rejected this early; say so, or a client reusing the
        // connection sees its next request fail with no answer at all.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
