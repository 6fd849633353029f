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
                "location_country_name", "browser_id_hash"));
        tables.put("sessionkit_user_lock", List.of("user_id"));
        tables.put("sessionkit_lease", List.of("name", "holder", "expires_at"));
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

    /** Tells whether none of the tables exist yet, i.e. creating them from the script is safe. */
    static boolean noneExist(DatabaseMetaData metadata) throws SQLException {
        for (String table : TABLES.keySet()) {
            if (!columnsOf(metadata, table).isEmpty()) {
                return false;
            }
        }
        return true;
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
