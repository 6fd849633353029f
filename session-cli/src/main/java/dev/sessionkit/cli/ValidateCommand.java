package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.service.InvalidReason;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.SessionToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit validate TOKEN}: would the app accept this token now? Read-only on purpose: unlike
 * {@link dev.sessionkit.service.SessionService#validate}, it records no activity (an operator's check must not keep
 * a session alive) and ends nothing (a session found past its timeout is reported, and left for cleanup). It looks
 * the session up by the token's hash and judges expiry with the same rules as the service.
 */
@Command(name = "validate", description = {"Tells whether the app would accept a session token now, and whose "
        + "session it is.", "Read-only: records no activity (the check does not extend the session) and ends "
        + "nothing. Exit status 0 when valid, 1 when not."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOKEN", description = {"The token (the session cookie's value), or - to read it from "
            + "standard input, which keeps it out of `ps` and shell history."})
    String token;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        Optional<SessionToken> parsed = SessionToken.parse(("-".equals(token) ? readLine() : token).strip());
        Optional<SessionRecord> session = Optional.empty();
        if (parsed.isPresent()) {
            try (Sessionkit sessionkit = root.open(root.settings(SchemaMode.NONE))) {
                session = sessionkit.store().findByTokenHash(parsed.get().hash());
            }
        }
        Instant now = root.context().clock().instant();
        Optional<InvalidReason> invalid = InvalidReason.judge(session, now);
        print(spec.commandLine().getOut(), parsed.isPresent(), session, invalid, now);
        return (invalid.isEmpty() ? ExitCode.OK : ExitCode.INVALID).code();
    }

    private void print(PrintWriter out, boolean wellFormed, Optional<SessionRecord> session,
            Optional<InvalidReason> invalid, Instant now) {
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("valid", invalid.isEmpty());
            invalid.ifPresent(reason -> json.put("reason", wireName(reason)));
            session.ifPresent(s -> json.put("session", SessionViews.json(s, now)));
            out.println(JsonWriter.indented(json));
            out.flush();
            return;
        }
        out.println(verdict(wellFormed, session, invalid, now));
        if (session.isPresent()) {
            out.println();
            SessionViews.details(out, session.get(), now);
        }
        out.flush();
    }

    private static String verdict(boolean wellFormed, Optional<SessionRecord> session, Optional<InvalidReason> invalid,
            Instant now) {
        if (invalid.isEmpty()) {
            return "Valid: the app accepts this token now.";
        }
        SessionRecord s = session.orElse(null);
        return switch (invalid.get()) {
            case UNKNOWN -> wellFormed ? "Invalid: no session has this token."
                    : "Invalid: this is not a Sessionkit token (43 characters A-Z a-z 0-9 _ -).";
            case ENDED -> "Invalid: the session ended (" + s.ending().orElseThrow().reason().wireName() + ") "
                    + SessionViews.relative(s.ending().orElseThrow().at(), now) + ".";
            case IDLE_EXPIRED -> "Invalid: the session passed its idle timeout "
                    + SessionViews.relative(s.idleExpiresAt(), now) + "; the next cleanup ends it.";
            case ABSOLUTE_EXPIRED -> "Invalid: the session passed its absolute timeout "
                    + SessionViews.relative(s.absoluteExpiresAt(), now) + "; the next cleanup ends it.";
        };
    }

    /**
     * The reason as scripts read it: an expiry is spelled as the end reason it becomes (SPEC: {@code expired-idle},
     * {@code expired-absolute}), so {@code validate} and the session history never disagree.
     */
    private static String wireName(InvalidReason reason) {
        return switch (reason) {
            case IDLE_EXPIRED -> EndReason.EXPIRED_IDLE.wireName();
            case ABSOLUTE_EXPIRED -> EndReason.EXPIRED_ABSOLUTE.wireName();
            case UNKNOWN, ENDED -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    private String readLine() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(root.context().in(), StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read the token from standard input: " + e.getMessage());
        }
    }
}
