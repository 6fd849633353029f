package dev.sessionkit.service;

import dev.sessionkit.session.SessionRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating a presented token: either the valid session or why there is none.
 * Callers switch over the two cases; there is no third.
 */
public sealed interface ValidationResult {

    /**
     * The token names an active, unexpired session.
     *
     * @param session the session, with its activity as stored after this request
     * @param touched whether this request recorded the session's activity (at most once per touch interval): the
     *     moment for checks too costly for every request, such as session drift
     */
    record Valid(SessionRecord session, boolean touched) implements ValidationResult {
        /**
         * Checks the session is present.
         *
         * @param session see the record description
         * @param touched see the record description
         */
        public Valid {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The token does not authenticate anybody.
     *
     * @param reason why not
     * @param ended the session the token belonged to when it had ended before this request ({@link
     *     InvalidReason#ENDED}), for the stolen-cookie check; empty otherwise
     */
    record Invalid(InvalidReason reason, Optional<SessionRecord> ended) implements ValidationResult {
        /**
         * Checks the parts are present.
         *
         * @param reason see the record description
         * @param ended see the record description
         */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(ended, "ended");
        }

        /**
         * A token that names no ended session.
         *
         * @param reason why it does not authenticate
         */
        public Invalid(InvalidReason reason) {
            this(reason, Optional.empty());
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
