package dev.sessionkit.cli;

import java.util.Objects;

/** An expected way for a command to end without success: its message is the one line the operator sees. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    CliException(ExitCode exitCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
