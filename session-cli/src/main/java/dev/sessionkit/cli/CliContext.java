package dev.sessionkit.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a run takes from its surroundings, so tests can supply their own: the clock that decides "now" and expiry,
 * the environment the {@code SESSIONKIT_*} settings come from, and standard input ({@code validate -}).
 *
 * @param clock the clock; {@link Main} uses the system UTC clock
 * @param env environment variables, e.g. {@link System#getenv()}
 * @param in standard input
 */
record CliContext(Clock clock, Map<String, String> env, InputStream in) {

    CliContext {
        Objects.requireNonNull(clock, "clock");
        env = Map.copyOf(env);
        Objects.requireNonNull(in, "in");
    }
}
