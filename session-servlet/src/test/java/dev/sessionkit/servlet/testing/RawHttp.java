package dev.sessionkit.servlet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends one hand-written HTTP/1.1 request over a socket, for what {@link java.net.http.HttpClient} refuses to
 * send: non-ASCII bytes and oversize values in headers. Returns the status code.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static int get(URI base, String path, String cookieHeaderLatin1) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: application/json\r\nConnection: close\r\nCookie: ";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(cookieHeaderLatin1.getBytes(StandardCharsets.ISO_8859_1));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                statusLine.write(b);
            }
            String line = statusLine.toString(StandardCharsets.US_ASCII);
            if (line.isBlank()) {
                return -1; // the server closed the connection without an answer
            }
            return Integer.parseInt(line.split(" ")[1]);
        }
    }
}
