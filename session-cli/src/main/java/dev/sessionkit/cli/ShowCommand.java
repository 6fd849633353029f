package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sessionkit show ID}: every stored detail of one session, active or ended. */
@Command(name = "show", description = "Shows one session, active or ended, with every stored detail but its token.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", converter = Converters.Id.class,
            description = "The session's public id, as `sessionkit list` shows it.")
    SessionId id;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        SessionRecord session;
        try (Sessionkit sessionkit = root.open(root.settings(SchemaMode.NONE))) {
            session = sessionkit.queries().find(id)
                    .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "no session with id " + id));
        }
        Instant now = root.context().clock().instant();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(JsonWriter.indented(SessionViews.json(session, now)));
            out.flush();
        } else {
            SessionViews.details(out, session, now);
        }
        return ExitCode.OK.code();
    }
}
