package dev.sessionkit.jaxrs.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads the shared database directly, as an operator would, to compare it with what the clients saw. */
final class SoakDatabase {

    /** One row of {@code sessionkit_session}. */
    record Row(String id, String userId, Instant created, Instant idleExpires, Instant absoluteExpires,
            String status, Instant endedAt, String endReason) {
        boolean isEnded() {
            return "ended".equals(status);
        }
    }

    private final String url;

    SoakDatabase(String url) {
        this.url = url;
    }

    Map<String, Row> rows() throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT id, user_id, created_at,"
                + " idle_expires_at, absolute_expires_at, status, ended_at, end_reason FROM sessionkit_session");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Row row = new Row(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                        rs.getString(6), instant(rs, 7), rs.getString(8));
                rows.put(row.id(), row);
            }
        }
        return rows;
    }

    /** Sessions usable at an instant, by the definition the admin statistics use. */
    long usableAt(Instant now) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM"
                + " sessionkit_session WHERE status = 'active' AND idle_expires_at > ? AND absolute_expires_at > ?")) {
            OffsetDateTime at = now.atOffset(java.time.ZoneOffset.UTC);
            s.setObject(1, at);
            s.setObject(2, at);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Map<String, Long> endsByReason() throws SQLException {
        Map<String, Long> ends = new TreeMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT end_reason, COUNT(*) FROM"
                + " sessionkit_session WHERE status = 'ended' GROUP BY end_reason");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ends.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ends;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
