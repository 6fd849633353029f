package dev.sessionkit.service;

import dev.sessionkit.session.SessionRecord;
import java.util.Objects;

/**
 * The outcome of validating a presented token: either the valid session or why there is none.
 * Callers switch over the two cases; there is no third.
 */
public sealed interface ValidationResult {

    /**
     * The token names an active, unexpired session.
     *
     * @param session the session, with its activity as stored after this request
     */
    record Valid(SessionRecord session) implements ValidationResult {
        /**
         * Checks the session is present.
         *
         * @param session see the record description
         */
        public Valid {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The token does not authenticate anybody.
     *
     * @param reason why not
     */
    record Invalid(InvalidReason reason) implements ValidationResult {
        /**
         * Checks the reason is present.
         *
         * @param reason see the record description
         */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Tells whether the token is valid.
     *
     * @return true for {@link Valid}
     */
    default boolean isValid() {
        return this instanceof Valid;
    }
}
