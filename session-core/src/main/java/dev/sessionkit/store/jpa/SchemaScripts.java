package dev.sessionkit.store.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shipped SQL scripts that create and drop Sessionkit's tables, one pair per supported database. The same
 * files serve {@code schema=create}, tests and {@code sessionkit schema print}, and can be handed to a DBA or a
 * migration tool as they are.
 */
public final class SchemaScripts {

    private final SqlDialect dialect;

    private SchemaScripts(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the scripts for a database.
     *
     * @param database {@code h2}, {@code postgresql} or {@code mysql} (also used for MariaDB), any case
     * @return the scripts, or empty for an unsupported database
     */
    public static Optional<SchemaScripts> forDatabase(String database) {
        return SqlDialect.forName(database).map(SchemaScripts::new);
    }

    static SchemaScripts of(SqlDialect dialect) {
        return new SchemaScripts(dialect);
    }

    /**
     * Returns the names accepted by {@link #forDatabase(String)}.
     *
     * @return {@code [h2, postgresql, mysql]}
     */
    public static List<String> databases() {
        return SqlDialect.names();
    }

    /**
     * Returns the tables the create script makes, in its order.
     *
     * @return e.g. {@code sessionkit_session}
     */
    public static List<String> tables() {
        return List.copyOf(ExpectedSchema.TABLES.keySet());
    }

    /**
     * Returns the classpath location of the create script, to name in error messages.
     *
     * @return e.g. {@code /dev/sessionkit/store/jpa/schema-postgresql.sql}
     */
    public String createScriptLocation() {
        return dialect.createScript();
    }

    /**
     * Returns the text of the script that creates the tables and indexes.
     *
     * @return SQL statements separated by semicolons
     */
    public String createScript() {
        return read(dialect.createScript());
    }

    /** Splits a script into statements: comment lines dropped, statements end with a semicolon at line end. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * Keeps the statements that create the given tables or their indexes, in script order.
     *
     * @param statements a create script's statements
     * @param tables lower-case table names
     */
    static List<String> creating(List<String> statements, java.util.Set<String> tables) {
        return statements.stream().filter(sql -> tableOf(sql).filter(tables::contains).isPresent()).toList();
    }

    /**
     * Writes the statements that add columns to existing tables, each with its definition from the script's
     * {@code CREATE TABLE}, e.g. {@code ALTER TABLE sessionkit_session ADD COLUMN auth_method VARCHAR(32)}.
     *
     * @param statements a create script's statements
     * @param columns lower-case column names per lower-case table name
     * @throws IllegalStateException when a column is missing from the script or is NOT NULL (existing rows could
     *     not get it)
     */
    static List<String> addingColumns(List<String> statements, java.util.Map<String, List<String>> columns) {
        List<String> alters = new ArrayList<>();
        for (String statement : statements) {
            Optional<String> table = tableOf(statement).filter(columns::containsKey);
            if (table.isEmpty() || !statement.strip().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TABLE")) {
                continue;
            }
            for (String column : columns.get(table.get())) {
                String definition = statement.lines().map(String::strip)
                        .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(column + " "))
                        .findFirst().map(line -> line.substring(column.length()).strip().replaceAll(",$", ""))
                        .orElseThrow(() -> new IllegalStateException("the script has no column " + column));
                if (definition.toUpperCase(java.util.Locale.ROOT).contains("NOT NULL")) {
                    throw new IllegalStateException("column " + column + " is NOT NULL: it cannot be added to "
                            + "existing rows");
                }
                alters.add("ALTER TABLE " + table.get() + " ADD COLUMN " + column + " " + definition);
            }
        }
        return alters;
    }

    /** The table a CREATE TABLE or CREATE INDEX ... ON statement is about. */
    private static Optional<String> tableOf(String statement) {
        java.util.regex.Matcher matcher = CREATES.matcher(statement);
        return matcher.lookingAt() ? Optional.of((matcher.group(1) != null ? matcher.group(1) : matcher.group(2))
                .toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    private static final java.util.regex.Pattern CREATES = java.util.regex.Pattern.compile(
            "CREATE\\s+TABLE\\s+(\\w+)|CREATE\\s+INDEX\\s+\\w+\\s+ON\\s+(\\w+)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static String read(String resource) {
        try (InputStream in = SchemaScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Sessionkit jar is missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    @Override
    public String toString() {
        return Arrays.stream(new String[] {dialect.createScript(), dialect.dropScript()})
                .collect(Collectors.joining(", ", "SchemaScripts[", "]"));
    }
}
