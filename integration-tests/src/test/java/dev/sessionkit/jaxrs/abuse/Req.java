package dev.sessionkit.jaxrs.abuse;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 request exactly as the abuse suite wants it on the wire: the target is sent verbatim (no encoding,
 * no normalisation), headers may repeat, carry non-ASCII bytes or be huge, and the socket may be bound to a chosen
 * local address (to play a client that is not the trusted proxy). {@link java.net.http.HttpClient} refuses most of
 * this, hence a hand-written request.
 */
final class Req {

    final String method;
    final String target;
    final List<String[]> headers = new ArrayList<>();
    String body;
    String localAddress;
    Charset headCharset = StandardCharsets.UTF_8;
    String label;

    private Req(String method, String target) {
        this.method = method;
        this.target = target;
        this.label = method + " " + target;
    }

    static Req get(String target) {
        return new Req("GET", target).header("Accept", "application/json");
    }

    static Req delete(String target) {
        return new Req("DELETE", target).header("Accept", "application/json");
    }

    static Req post(String target, String formBody) {
        Req req = new Req("POST", target).header("Accept", "application/json");
        req.body = formBody;
        return req.header("Content-Type", "application/x-www-form-urlencoded");
    }

    static Req method(String method, String target) {
        return new Req(method, target).header("Accept", "application/json");
    }

    /** Adds a header line; the same name may be added again (a second line, not a merged value). */
    Req header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Adds a {@code Cookie} header line with exactly this text. */
    Req cookie(String text) {
        return header("Cookie", text);
    }

    /** Adds the header that proves a script sent the request (passes the API's CSRF check). */
    Req proof() {
        return header("X-Requested-With", "abuse-suite");
    }

    /** Binds the client socket to this local address, e.g. {@code 127.0.0.2}. */
    Req from(String address) {
        this.localAddress = address;
        return this;
    }

    /** Writes the request line and headers in ISO-8859-1, so chars U+0080..U+00FF become single raw bytes. */
    Req latin1() {
        this.headCharset = StandardCharsets.ISO_8859_1;
        return this;
    }

    /** Names the probe in the ledger's failure list (default: method and target, cut to 120 characters). */
    Req label(String text) {
        this.label = text;
        return this;
    }

    String label() {
        return label.length() <= 120 ? label : label.substring(0, 120) + "…(" + label.length() + " chars)";
    }

    byte[] bytes(URI base) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        head.append("Connection: close\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(headCharset));
        out.writeBytes(content);
        return out.toByteArray();
    }
}
