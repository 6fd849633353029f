package dev.sessionkit.servlet;

import java.util.Objects;

/**
 * What a request carried under the session cookie's name: nothing, exactly one value, or something that must be
 * refused outright (the name twice, or no value), which is treated like an invalid session.
 */
sealed interface PresentedCookie {

    /** No session cookie. */
    record Absent() implements PresentedCookie {
    }

    /** Exactly one session cookie. */
    record Present(String value) implements PresentedCookie {
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The cookie was sent twice or without a value: never guess which one to believe. */
    record Refused(String why) implements PresentedCookie {
    }
}
