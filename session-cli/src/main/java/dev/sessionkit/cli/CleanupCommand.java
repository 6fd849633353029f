package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.maintenance.CleanupReport;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit cleanup}: one run of the same cleanup the web app schedules, under the same lease, so it never
 * races a node that is cleaning. The lease is given back at once afterwards, so the app's own cleanup is not held
 * off until it expires.
 */
@Command(name = "cleanup", description = {"Runs one cleanup pass: ends expired sessions and deletes login history "
        + "older than --older-than (default: the history-retention setting, P30D).", "Skips, doing nothing, while "
        + "a web app node is cleaning."})
final class CleanupCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "DURATION", converter = Converters.Length.class,
            description = "Delete sessions that ended longer ago than this: ISO-8601 (P30D, PT12H) or short (30d, "
                    + "12h, 90m).")
    Duration olderThan;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        SessionkitSettings settings = root.settings(SchemaMode.NONE);
        if (olderThan != null) {
            settings = settings.toBuilder().historyRetention(olderThan).build();
        }
        CleanupReport report;
        try (Sessionkit sessionkit = root.open(settings)) {
            try {
                report = sessionkit.cleanup().runOnce();
            } finally {
                release(sessionkit);
            }
        }
        Instant cutoff = root.context().clock().instant().minus(settings.historyRetention());
        print(spec.commandLine().getOut(), report, cutoff);
        return ExitCode.OK.code();
    }

    private void release(Sessionkit sessionkit) {
        try {
            sessionkit.cleanup().releaseLease();
        } catch (SessionStoreUnavailableException e) {
            // The run's own outcome matters more; an unreleased lease expires after 2 x cleanup-interval anyway.
        }
    }

    private void print(PrintWriter out, CleanupReport report, Instant cutoff) {
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ran", report.ran());
            json.put("ended", report.ended());
            json.put("purged", report.purged());
            json.put("purgedEndedBefore", cutoff);
            json.put("complete", report.complete());
            out.println(JsonWriter.indented(json));
        } else if (!report.ran()) {
            out.println("Skipped: a web app node holds the cleanup lease and is cleaning now; nothing was done.");
        } else {
            out.println("Ended " + report.ended() + " expired session" + (report.ended() == 1 ? "" : "s")
                    + "; deleted " + report.purged() + " that ended before " + SessionViews.time(cutoff) + " UTC.");
            if (!report.complete()) {
                out.println("More remains than one run does (" + Sessionkit.CLEANUP_MAX_BATCHES + " batches of "
                        + Sessionkit.CLEANUP_BATCH_SIZE + "); run cleanup again.");
            }
        }
        out.flush();
    }
}
