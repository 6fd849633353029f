package dev.sessionkit.security;

import java.time.Duration;
import java.util.Objects;

/** Whether a sign-in attempt may check its password now. */
public sealed interface AttemptDecision {

    /** Check the password. */
    record Allowed() implements AttemptDecision {
    }

    /**
     * Refuse without checking the password: answer 429 with {@code Retry-After}.
     *
     * @param retryAfter how long until an attempt may succeed the check again, at least one second
     * @param limit which limit was reached, e.g. {@code login-failures-per-account-address}
     */
    record Refused(Duration retryAfter, String limit) implements AttemptDecision {
        /**
         * Checks the parts.
         *
         * @param retryAfter see the record description
         * @param limit see the record description
         */
        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(limit, "limit");
            if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
                retryAfter = Duration.ofSeconds(1);
            }
        }

        /** {@return the whole seconds for a {@code Retry-After} header, rounded up} */
        public long retryAfterSeconds() {
            return retryAfter.plusMillis(999).toSeconds();
        }
    }

    /** {@return true when the password may be checked} */
    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
