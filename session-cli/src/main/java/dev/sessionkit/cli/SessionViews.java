package dev.sessionkit.cli;

import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a session looks on the command line: a table row, a detail listing, and a JSON object whose field names
 * match the REST API's. Never shows the token or its hash. Times are UTC. Stateless and thread-safe.
 */
final class SessionViews {

    /** Column headers of {@link #table}. */
    static final String[] COLUMNS = {"ID", "USER", "STATUS", "CREATED (UTC)", "LAST ACTIVE (UTC)", "DEVICE", "IP",
        "END REASON"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private SessionViews() {
    }

    /**
     * Names the state a person cares about: {@code active}, {@code ended}, or {@code expired} for a session still
     * active in the store whose deadline has passed (the next cleanup ends it; it is already refused).
     */
    static String status(SessionRecord session, Instant now) {
        if (!session.isActive()) {
            return "ended";
        }
        return session.isExpiredAt(now) ? "expired" : "active";
    }

    static TextTable table(List<SessionRecord> sessions, Instant now) {
        TextTable table = new TextTable(COLUMNS);
        for (SessionRecord s : sessions) {
            table.row(s.id().value(), s.userId(), status(s, now), time(s.createdAt()), time(s.lastAccessedAt()),
                    device(s.device()), s.ipAddress(), s.ending().map(e -> e.reason().wireName()).orElse("-"));
        }
        return table;
    }

    /** Prints every stored field but the token hash, one "name  value" line each, with times relative to now. */
    static void details(PrintWriter out, SessionRecord s, Instant now) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("id", s.id().value());
        lines.put("user", s.userId().equals(s.principal().username()) ? s.userId()
                : s.userId() + " (" + s.principal().username() + ")");
        lines.put("roles", String.join(", ", s.principal().roles()));
        lines.put("status", status(s, now));
        lines.put("created", time(s.createdAt()) + " UTC (" + relative(s.createdAt(), now) + ")");
        lines.put("last active", time(s.lastAccessedAt()) + " UTC (" + relative(s.lastAccessedAt(), now) + ")");
        if (s.isActive()) {
            lines.put("idle expiry", time(s.idleExpiresAt()) + " UTC (" + relative(s.idleExpiresAt(), now) + ")");
            lines.put("expiry", time(s.absoluteExpiresAt()) + " UTC (" + relative(s.absoluteExpiresAt(), now) + ")");
        }
        s.ending().ifPresent(e -> {
            lines.put("ended", time(e.at()) + " UTC (" + relative(e.at(), now) + ")");
            lines.put("end reason", e.reason().wireName());
        });
        lines.put("device", device(s.device()));
        lines.put("ip", s.ipAddress());
        lines.put("location", s.location().map(Location::display).orElse("-"));
        lines.put("user agent", s.userAgent());
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((name, value) -> out.println(name + " ".repeat(width - name.length() + 2)
                + TextTable.cell(value)));
        out.flush();
    }

    /** The session as JSON: the REST API's field names, plus roles, user agent and the derived status. */
    static Map<String, Object> json(SessionRecord s, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().value());
        json.put("userId", s.userId());
        json.put("user", s.principal().username());
        json.put("roles", new ArrayList<>(s.principal().roles()));
        json.put("status", status(s, now));
        json.put("created", s.createdAt());
        json.put("lastAccessed", s.lastAccessedAt());
        json.put("idleExpiresAt", s.idleExpiresAt());
        json.put("expiresAt", s.absoluteExpiresAt());
        json.put("endedAt", s.ending().map(Ending::at).orElse(null));
        json.put("endReason", s.ending().map(e -> e.reason().wireName()).orElse(null));
        json.put("ip", s.ipAddress());
        json.put("userAgent", s.userAgent());
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("type", s.device().type().wireName());
        device.put("browser", s.device().browser());
        device.put("os", s.device().os());
        json.put("device", device);
        json.put("location", s.location().map(SessionViews::location).orElse(null));
        return json;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** "5m ago", "in 2h 3m": the two largest units, enough for a person to judge. */
    static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        if (d.abs().getSeconds() == 0) {
            return "now";
        }
        String amount = amount(d.abs());
        return d.isNegative() ? amount + " ago" : "in " + amount;
    }

    private static String amount(Duration d) {
        long[] values = {d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < values.length && shown < 2; i++) {
            if (values[i] > 0 || shown > 0) {
                if (values[i] > 0) {
                    text.append(text.length() > 0 ? " " : "").append(values[i]).append(units[i]);
                }
                shown++;
            }
        }
        return text.toString();
    }

    private static String device(DeviceInfo device) {
        if (device.equals(DeviceInfo.unknown())) {
            return "-";
        }
        String kind = device.type() == DeviceType.UNKNOWN ? "" : " (" + device.type().wireName() + ")";
        return device.browser() + " on " + device.os() + kind;
    }

    private static Map<String, Object> location(Location location) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("city", location.city().orElse(null));
        json.put("countryCode", location.countryCode());
        json.put("country", location.countryName());
        json.put("display", location.display());
        return json;
    }
}
