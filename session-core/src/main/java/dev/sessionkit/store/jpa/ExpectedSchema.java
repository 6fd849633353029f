package dev.sessionkit.store.jpa;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tables and columns the store needs, and a check of a live database against them. */
final class ExpectedSchema {

    static final Map<String, List<String>> TABLES = tables();

    private ExpectedSchema() {
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("sessionkit_session", List.of("id", "token_hash", "user_id", "username", "roles", "created_at",
                "last_accessed_at", "idle_expires_at", "absolute_expires_at", "status", "ended_at", "end_reason",
                "ip_address", "user_agent", "device_type", "browser", "os", "location_city", "location_country_code",
                "location_country_name", "browser_id_hash", "authenticated_at", "auth_method", "auth_level"));
        tables.put("sessionkit_user_lock", List.of("user_id"));
        tables.put("sessionkit_lease", List.of("name", "holder", "expires_at"));
        tables.put("sessionkit_security_event", List.of("id", "occurred_at", "event_type", "outcome", "user_id",
                "session_id", "ip_address", "device", "location_city", "location_country_code",
                "location_country_name", "latitude", "longitude", "signals", "action", "detail"));
        tables.put("sessionkit_login_failure", List.of("id", "account_key", "ip_address", "failed_at"));
        tables.put("sessionkit_remember_series", List.of("selector", "user_id", "username", "roles",
                "validator_hash", "previous_validator_hash", "rotated_at", "created_at", "expires_at", "device"));
        tables.put("sessionkit_remember_session", List.of("session_id", "selector"));
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** Lists what is missing, e.g. "table sessionkit_lease" or "column sessionkit_session.browser_id_hash". */
    static List<String> missing(DatabaseMetaData metadata) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
            Set<String> columns = columnsOf(metadata, table.getKey());
            if (columns.isEmpty()) {
                missing.add("table " + table.getKey());
                continue;
            }
            for (String column : table.getValue()) {
                if (!columns.contains(column)) {
                    missing.add("column " + table.getKey() + "." + column);
                }
            }
        }
        return missing;
    }

    /**
     * Lists the tables that do not exist at all, which {@code schema=create} may create from the script without
     * touching the others: how a database made by an older version gains the tables a newer one added.
     */
    static Set<String> absentTables(DatabaseMetaData metadata) throws SQLException {
        Set<String> absent = new java.util.LinkedHashSet<>();
        for (String table : TABLES.keySet()) {
            if (columnsOf(metadata, table).isEmpty()) {
                absent.add(table);
            }
        }
        return absent;
    }

    /**
     * Lists, per existing table, the columns it lacks: columns a newer version added, which {@code schema=create}
     * adds (they are all nullable, so existing rows stay valid).
     */
    static Map<String, List<String>> absentColumns(DatabaseMetaData metadata) throws SQLException {
        Map<String, List<String>> absent = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
            Set<String> columns = columnsOf(metadata, table.getKey());
            List<String> lacking = table.getValue().stream().filter(c -> !columns.contains(c)).toList();
            if (!columns.isEmpty() && !lacking.isEmpty()) {
                absent.put(table.getKey(), lacking);
            }
        }
        return absent;
    }

    private static Set<String> columnsOf(DatabaseMetaData metadata, String table) throws SQLException {
        // Only the connection's own catalog and schema count: a table of the same name elsewhere is not ours.
        String catalog = metadata.getConnection().getCatalog();
        String schema = metadata.getConnection().getSchema();
        // Databases fold unquoted names differently (H2 upper, PostgreSQL lower); ask for both spellings.
        Set<String> columns = new HashSet<>();
        for (String name : Set.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = metadata.getColumns(catalog, schema, name, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
