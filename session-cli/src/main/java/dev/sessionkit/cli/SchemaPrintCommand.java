package dev.sessionkit.cli;

import dev.sessionkit.store.jpa.SchemaScripts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit schema print}: the shipped create script, byte for byte, for a DBA or a migration tool. Needs no
 * database connection.
 */
@Command(name = "print", description = "Prints the SQL script that creates the tables, as shipped, to hand to a "
        + "DBA or a migration tool. Connects to nothing.")
final class SchemaPrintCommand implements Callable<Integer> {

    @ParentCommand
    SchemaCommand schema;

    @Spec
    CommandSpec spec;

    @Option(names = "--database", paramLabel = "DB", converter = Converters.Database.class,
            completionCandidates = Converters.Databases.class,
            description = "One of ${COMPLETION-CANDIDATES} (mysql also serves MariaDB); default: the database "
                    + "--jdbc-url points at.")
    SchemaScripts database;

    @Override
    public Integer call() {
        SchemaScripts scripts = database != null ? database : schema.root.databaseOfUrl().orElseThrow(() ->
                new ParameterException(spec.commandLine(), schema.root.jdbcUrl().isEmpty()
                        ? "which database? give --database DB or --jdbc-url URL"
                        : "cannot tell the database from the JDBC URL; give --database DB"));
        PrintWriter out = spec.commandLine().getOut();
        out.print(scripts.createScript());
        out.flush();
        return ExitCode.OK.code();
    }
}
