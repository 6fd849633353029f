package dev.sessionkit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Entry point of {@code sessionkit}: runs one command with the system clock, the process environment and the
 * console, and exits with its {@link ExitCode}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the command line, e.g. {@code list --user alice}
     */
    public static void main(String[] args) {
        silenceLibraryLogging();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = SessionkitCli.run(new CliContext(Clock.systemUTC(), System.getenv(), System.in), out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Sessionkit and EclipseLink log through java.util.logging, which prints multi-line records and stack traces
     * to standard error. A command reports every failure itself in one line, so their logging is switched off.
     */
    private static void silenceLibraryLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }
}
