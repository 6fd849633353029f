package dev.sessionkit.config;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies of failures whose messages went through a {@link CredentialRedactor}: an exception chain from a JDBC driver
 * may quote the URL, password included, in any of its messages, and a container logs the whole chain.
 */
final class RedactedFailures {

    /** Deeper cause chains are cut here; a chain this long is a loop in all but name. */
    private static final int MAX_DEPTH = 16;

    private RedactedFailures() {
    }

    static Throwable copy(Throwable failure, CredentialRedactor redactor) {
        return copy(failure, redactor, new IdentityHashMap<>(), 0);
    }

    private static Throwable copy(Throwable original, CredentialRedactor redactor, Map<Throwable, Throwable> done,
            int depth) {
        Throwable known = done.get(original);
        if (known != null) {
            return known;
        }
        String message = redactor.redact(original.getMessage());
        // A copy copied again (a chain redacted at its source, then by the caller) keeps the first original's name.
        String name = original instanceof RedactedException redacted ? redacted.originalClass
                : original instanceof RedactedSqlException redacted ? redacted.originalClass
                : original.getClass().getName();
        Throwable copy = original instanceof SQLException sql
                ? new RedactedSqlException(name, message, sql.getSQLState(), sql.getErrorCode())
                : new RedactedException(name, message);
        done.put(original, copy);
        copy.setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null && cause != original && depth < MAX_DEPTH) {
            copy.initCause(copy(cause, redactor, done, depth + 1));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            if (depth < MAX_DEPTH) {
                copy.addSuppressed(copy(suppressed, redactor, done, depth + 1));
            }
        }
        return copy;
    }

    /** A redacted copy of any failure but an SQLException. */
    static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedException(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return describe(originalClass, getMessage());
        }
    }

    /** A redacted copy of an SQLException, still one, so callers can tell a database failure apart. */
    static final class RedactedSqlException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedSqlException(String originalClass, String message, String sqlState, int errorCode) {
            super(message, sqlState, errorCode);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return describe(originalClass, getMessage());
        }
    }

    private static String describe(String originalClass, String message) {
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
