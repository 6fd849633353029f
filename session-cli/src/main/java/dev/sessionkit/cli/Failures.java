package dev.sessionkit.cli;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.StoreUnreachableException;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.util.regex.Pattern;

/**
 * Turns whatever ended a command into its exit code and one line for the operator. The exit code follows the
 * failure's type alone (an incomplete schema, an unreachable store, any other refused setting), never its key or
 * message. The line names what failed and why, never carries a stack trace, and goes through {@link Redactor}
 * before it is printed. Stateless.
 */
final class Failures {

    private static final Pattern TRAILING_INTRODUCTION = Pattern.compile("[;,]?[^;,.]*:\\s*$");

    private Failures() {
    }

    static ExitCode exitCode(Throwable failure) {
        if (failure instanceof CliException e) {
            return e.exitCode();
        }
        if (failure instanceof SchemaIncompleteException) {
            return ExitCode.INVALID;
        }
        if (failure instanceof StoreUnreachableException) {
            return ExitCode.UNAVAILABLE;
        }
        // Any other refused setting, a DataSource name that names nothing included, is the operator's input.
        if (failure instanceof InvalidSettingException) {
            return ExitCode.USAGE;
        }
        return ExitCode.UNAVAILABLE;
    }

    static String message(Throwable failure) {
        if (failure instanceof CliException || failure instanceof InvalidSettingException) {
            return failure.getMessage();
        }
        if (failure instanceof SessionStoreUnavailableException) {
            return failure.getMessage() + ": " + firstLine(rootCause(failure))
                    + " (check the database, and the tables with `sessionkit schema validate`)";
        }
        // Not expected: name the exception so the operator can report it, still on one line.
        return "unexpected " + failure.getClass().getSimpleName() + ": " + firstLine(failure);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        // Drivers may end the first line with a clause that introduces the next lines (H2's "; SQL statement:").
        return TRAILING_INTRODUCTION.matcher(message.strip().lines().findFirst().orElse("")).replaceFirst("");
    }
}
