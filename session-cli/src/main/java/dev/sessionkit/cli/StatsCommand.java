package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import dev.sessionkit.service.BucketCount;
import dev.sessionkit.service.GlobalStats;
import dev.sessionkit.service.SessionQueries;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sessionkit stats}: the admin statistics over all users, as the REST API's {@code /admin/stats}. */
@Command(name = "stats", description = "Shows statistics over all users: active sessions by device type, ends by "
        + "reason over 30 days, and logins and ends per hour over the last day.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        GlobalStats stats;
        try (Sessionkit sessionkit = root.open(root.settings(SchemaMode.NONE))) {
            stats = sessionkit.queries().stats();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("active", stats.active());
            json.put("activeByDeviceType", stats.activeByDeviceType());
            json.put("endsByReason", stats.endsByReason());
            json.put("loginsPerHour", buckets(stats.loginsPerHour()));
            json.put("endsPerHour", buckets(stats.endsPerHour()));
            out.println(JsonWriter.indented(json));
        } else {
            text(out, stats);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void text(PrintWriter out, GlobalStats stats) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Active sessions:", String.valueOf(stats.active()));
        lines.put("Active by device type:", counts(stats.activeByDeviceType()));
        lines.put("Ended in " + SessionQueries.END_REASON_WINDOW.toDays() + " days, by reason:",
                counts(stats.endsByReason()));
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((label, value) -> out.println(label + " ".repeat(width - label.length() + 1) + value));
        out.println();
        TextTable hours = new TextTable("HOUR (UTC)", "LOGINS", "ENDS");
        for (int i = 0; i < stats.loginsPerHour().size(); i++) {
            BucketCount logins = stats.loginsPerHour().get(i);
            hours.row(SessionViews.time(logins.start()).substring(0, 16), String.valueOf(logins.count()),
                    String.valueOf(stats.endsPerHour().get(i).count()));
        }
        hours.print(out);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static List<Map<String, Object>> buckets(List<BucketCount> series) {
        return series.stream().map(b -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("start", b.start());
            json.put("count", b.count());
            return json;
        }).toList();
    }
}
