package dev.sessionkit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code sessionkit} in-process, through the same picocli {@code execute} path as {@link Main}, with a test
 * clock and environment, and captures what it prints.
 */
final class Cli {

    private final Clock clock;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";

    Cli(Clock clock) {
        this.clock = clock;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SessionkitCli.run(new CliContext(clock, env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** What one run returned and printed. */
    record Result(int exit, String out, String err) {

        /** {@return everything printed, to check that a secret appears nowhere} */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
