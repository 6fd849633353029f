package dev.sessionkit.servlet;

import dev.sessionkit.token.SessionToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the session token travels between client and server: read from each request, issued at login and rotation,
 * cleared at logout and when a session is refused. Today a cookie (HttpOnly, {@code __Host-} when secure); an
 * {@code Authorization} header for API clients would be one more implementation. An implementation never logs or
 * echoes a token, and marks every response that carries one {@code Cache-Control: no-store}.
 */
public interface TokenTransport {

    /**
     * Reads what the request presents.
     *
     * @param request the request
     * @return nothing, one token (not yet validated), or something to refuse outright
     */
    PresentedToken read(HttpServletRequest request);

    /**
     * Hands a new token to the client.
     *
     * @param response the response to carry it
     * @param token the token
     */
    void issue(HttpServletResponse response, SessionToken token);

    /**
     * Tells the client to forget its token.
     *
     * @param response the response to carry the instruction
     */
    void clear(HttpServletResponse response);
}
