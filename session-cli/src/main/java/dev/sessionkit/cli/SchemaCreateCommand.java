package dev.sessionkit.cli;

import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.store.jpa.SchemaScripts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit schema create}: runs the shipped create script through Sessionkit's own {@code schema=create}
 * path (one transaction where the database allows, then a full validation), but refuses when the tables are
 * already there, where {@code schema=create} would quietly accept them. On a database an older version made, it
 * adds the tables that are missing and leaves the others and their rows alone.
 */
@Command(name = "create", description = {"Creates the tables by running the shipped create script, then checks "
        + "them. On a database made by an older version, adds only the missing tables.",
        "Fails (exit status 1), changing nothing, when every table already exists."})
final class SchemaCreateCommand implements Callable<Integer> {

    @ParentCommand
    SchemaCommand schema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SessionkitCommand root = schema.root;
        List<String> missing = missing(root);
        if (missing.isEmpty()) {
            throw new CliException(ExitCode.INVALID, "the Sessionkit tables already exist, so nothing was created; "
                    + "check them with `sessionkit schema validate`");
        }
        // Creates the tables and nullable columns that do not exist; a missing required column fails, naming it.
        root.open(root.settings(SchemaMode.CREATE)).close();
        PrintWriter out = spec.commandLine().getOut();
        // Anything less than every table missing: a database an older version made.
        boolean fresh = missing.stream().filter(m -> m.startsWith("table ")).count() == SchemaScripts.tables().size();
        out.println((fresh ? "Created the Sessionkit tables"
                : "Added what an older version's tables lacked (" + String.join(", ", missing) + ")")
                + root.databaseOfUrl().map(s -> " from " + s.createScriptLocation()).orElse("") + ".");
        out.flush();
        return ExitCode.OK.code();
    }

    private static List<String> missing(SessionkitCommand root) {
        try {
            root.open(root.settings(SchemaMode.VALIDATE)).close(); // opening is the check
            return List.of();
        } catch (SchemaIncompleteException e) {
            return e.missing();
        }
    }
}
