package dev.sessionkit.store.jpa;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.SchemaMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What opening a store does to the schema, as the {@code schema} setting asks: nothing, check that every table and
 * column is there, or create the tables when none exist (from the shipped script) and then check. A database that
 * is not supported or a schema that is incomplete fails start-up with the script to run. {@code create} also adds
 * the tables and (nullable) columns a newer version introduced to a database an older one made, leaving existing
 * rows alone.
 */
final class SchemaPreparation {

    private SchemaPreparation() {
    }

    /**
     * Picks the dialect and prepares the schema.
     *
     * @param key the setting that named the database, for messages
     * @param where the database, credentials masked, for messages
     * @return the database's dialect
     */
    static SqlDialect prepare(Connection connection, SchemaMode schema, String key, String where,
            CredentialRedactor redactor) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String product = metadata.getDatabaseProductName();
        SqlDialect dialect = SqlDialect.forProduct(product).orElseThrow(() -> new InvalidSettingException(key,
                "The session database " + where + " is " + product + ", which Sessionkit does not support. "
                        + "Use one of: " + SchemaScripts.databases() + "."));
        switch (schema) {
            case NONE -> {
                // the operator manages the schema and asked us not to look
            }
            case VALIDATE -> requireComplete(metadata, dialect, where);
            case CREATE -> {
                Set<String> absent = ExpectedSchema.absentTables(metadata);
                Map<String, List<String>> absentColumns = ExpectedSchema.absentColumns(metadata);
                if (!absent.isEmpty() || !absentColumns.isEmpty()) {
                    createTables(connection, dialect, absent, absentColumns, where, redactor);
                }
                requireComplete(metadata, dialect, where);
            }
        }
        return dialect;
    }

    private static void createTables(Connection connection, SqlDialect dialect, Set<String> tables,
            Map<String, List<String>> columns, String where, CredentialRedactor redactor) throws SQLException {
        List<String> script = SchemaScripts.statements(SchemaScripts.of(dialect).createScript());
        List<String> alters;
        try {
            alters = SchemaScripts.addingColumns(script, columns);
        } catch (IllegalStateException notAddable) {
            // A required column went missing (dropped by hand): no default could fill existing rows.
            List<String> missing = ExpectedSchema.missing(connection.getMetaData());
            throw new SchemaIncompleteException(missing, dialect.createScript(), "The session tables in " + where
                    + " lack " + String.join(", ", missing) + ", which Sessionkit cannot add to existing rows ("
                    + notAddable.getMessage() + "). Restore it by hand from " + dialect.createScript() + ".");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : SchemaScripts.creating(script, tables)) {
                statement.execute(sql);
            }
            for (String sql : alters) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            // Another node may have created the tables at the same moment; if so the schema is now complete.
            List<String> missing = ExpectedSchema.missing(connection.getMetaData());
            if (!missing.isEmpty()) {
                throw new SchemaIncompleteException(missing, dialect.createScript(), "Creating the session tables in "
                        + where
                        + " failed: " + redactor.redact(e.getMessage()) + ". Run " + dialect.createScript()
                        + " by hand, or grant the user the right to create tables.", redactor.redactedCopy(e));
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void requireComplete(DatabaseMetaData metadata, SqlDialect dialect, String where)
            throws SQLException {
        List<String> missing = ExpectedSchema.missing(metadata);
        if (!missing.isEmpty()) {
            throw new SchemaIncompleteException(missing, dialect.createScript(), "The session tables in " + where
                    + " are missing or incomplete: " + String.join(", ", missing) + ". Run the script "
                    + "in session-core.jar (the classpath resource " + dialect.createScript() + "; print it with "
                    + "`sessionkit schema print --database " + dialect.cliName() + "`), or set schema=create to let "
                    + "Sessionkit create what is missing (it adds the tables and columns a newer version introduced "
                    + "and leaves existing ones and their rows alone).");
        }
    }
}
