package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit revoke ID} and {@code sessionkit revoke --user NAME}: ends sessions with reason
 * {@code revoked-by-admin}, through the service, so the web app refuses them from its next request on (within
 * {@code revocation-latency}).
 */
@Command(name = "revoke", description = {"Ends one session, or every active session of a user, with reason "
        + "revoked-by-admin.", "A session that had already ended is left as it was (exit status 0, nothing revoked)."})
final class RevokeCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", converter = Converters.Id.class,
            description = "The session's public id, as `sessionkit list` shows it.")
    SessionId id;

    @Option(names = "--user", paramLabel = "NAME", description = "End every active session of this user instead.")
    String user;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if ((id == null) == (user == null)) {
            throw new ParameterException(spec.commandLine(), id == null
                    ? "missing session: give an ID or --user NAME" : "give an ID or --user NAME, not both");
        }
        String message;
        int ended;
        try (Sessionkit sessionkit = root.open(root.settings(SchemaMode.NONE))) {
            if (user != null) {
                ended = sessionkit.signOutEverywhere(user, EndReason.REVOKED_BY_ADMIN); // remembered devices too
                message = "Revoked " + ended + " active session" + (ended == 1 ? "" : "s") + " of user " + user + ".";
            } else {
                Optional<SessionRecord> revoked = sessionkit.service().end(id, EndReason.REVOKED_BY_ADMIN);
                ended = revoked.isPresent() ? 1 : 0;
                message = revoked.map(s -> "Revoked session " + id + " of user " + s.userId() + ".")
                        .orElseGet(() -> alreadyEnded(sessionkit));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ended", ended);
            out.println(JsonWriter.indented(json));
        } else {
            out.println(TextTable.cell(message));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Explains why nothing was ended: the id is unknown (exit 1), or the session had ended before (exit 0). */
    private String alreadyEnded(Sessionkit sessionkit) {
        SessionRecord session = sessionkit.queries().find(id)
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "no session with id " + id));
        return "Session " + id + " of user " + session.userId() + " had already ended ("
                + session.ending().map(e -> e.reason().wireName()).orElse("?") + "); nothing to revoke.";
    }
}
