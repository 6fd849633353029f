package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sessionkit list}: sessions newest login first, by default every user's usable ones. */
@Command(name = "list", description = {"Lists sessions, newest login first: every user's active sessions unless "
        + "--user or --all say otherwise.", "Status 'expired' marks a session past its timeout that cleanup has not "
        + "ended yet; it is already refused."})
final class ListCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 10_000;

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--user", paramLabel = "NAME", description = "Only this user's sessions (the user id the app "
            + "signed in).")
    String user;

    @Option(names = "--all", description = "Also ended sessions (login history) and expired ones.")
    boolean all;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show at most N sessions, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        SessionSearch search = new SessionSearch(Optional.ofNullable(user),
                all ? Optional.empty() : Optional.of(SessionStatus.ACTIVE));
        List<SessionRecord> sessions = new ArrayList<>();
        long total;
        try (Sessionkit sessionkit = root.open(root.settings(SchemaMode.NONE))) {
            PageRequest request = PageRequest.first(Math.min(limit, PageRequest.MAX_SIZE));
            Page<SessionRecord> page;
            do {
                page = sessionkit.queries().search(search, request);
                sessions.addAll(page.items());
                request = new PageRequest(request.page() + 1, request.size());
            } while (page.hasNext() && sessions.size() < limit);
            total = page.total();
        }
        List<SessionRecord> shown = sessions.subList(0, Math.min(limit, sessions.size()));
        print(spec.commandLine().getOut(), shown, total, root.context().clock().instant());
        return ExitCode.OK.code();
    }

    private void print(PrintWriter out, List<SessionRecord> shown, long total, Instant now) {
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("total", total);
            json.put("sessions", shown.stream().map(s -> SessionViews.json(s, now)).toList());
            out.println(JsonWriter.indented(json));
        } else if (shown.isEmpty()) {
            out.println("No " + (all ? "" : "active ") + "sessions" + (user == null ? "" : " for user " + user) + ".");
        } else {
            SessionViews.table(shown, now).print(out);
            if (total > shown.size()) {
                out.println("Showing " + shown.size() + " of " + total + "; use --limit to see more.");
            }
        }
        out.flush();
    }
}
