package dev.sessionkit.remember;

import dev.sessionkit.service.IssuedSession;
import java.util.Optional;

/** What a remembered device's cookie did for a request without a valid session. */
public sealed interface Resumption {

    /**
     * A new session for the device's user.
     *
     * @param issued the session and its token, for the session cookie
     * @param rotated the device's next cookie; empty when this request came within the grace window with the
     *     validator just replaced (a parallel request), whose replacement the browser has already received
     */
    record Resumed(IssuedSession issued, Optional<RememberCookie> rotated) implements Resumption {
    }

    /** Nothing: a malformed, unknown, expired or stolen cookie. The browser should drop it. */
    record Refused() implements Resumption {
    }
}
