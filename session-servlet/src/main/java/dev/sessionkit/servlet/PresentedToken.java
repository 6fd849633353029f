package dev.sessionkit.servlet;

import java.util.Objects;

/**
 * What a request presented through a {@link TokenTransport}: nothing, exactly one token (not yet validated), or
 * something that must be refused outright (a cookie sent twice, or without a value), which is treated like an
 * invalid session.
 */
public sealed interface PresentedToken {

    /** No token. */
    record Absent() implements PresentedToken {
    }

    /**
     * Exactly one token, as sent: it may still be garbage.
     *
     * @param value the text presented
     */
    record Present(String value) implements PresentedToken {
        /**
         * Checks the value is there.
         *
         * @param value see the record description
         */
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Something that must not be guessed at: never believe one of two tokens.
     *
     * @param why what was wrong, for the client's problem detail; never the token
     */
    record Refused(String why) implements PresentedToken {
    }
}
