package dev.sessionkit.cli;

import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.SchemaMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit schema create}: runs the shipped create script through Sessionkit's own {@code schema=create}
 * path (one transaction where the database allows, then a full validation), but refuses when the tables are
 * already there, where {@code schema=create} would quietly accept them.
 */
@Command(name = "create", description = {"Creates the tables by running the shipped create script, then checks "
        + "them.", "Fails (exit status 1), changing nothing, when the tables already exist."})
final class SchemaCreateCommand implements Callable<Integer> {

    @ParentCommand
    SchemaCommand schema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SessionkitCommand root = schema.root;
        if (complete(root)) {
            throw new CliException(ExitCode.INVALID, "the Sessionkit tables already exist, so nothing was created; "
                    + "check them with `sessionkit schema validate`");
        }
        // Creates the tables only when none exists; when some do, fails naming what is missing.
        root.open(root.settings(SchemaMode.CREATE)).close();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created the Sessionkit tables"
                + root.databaseOfUrl().map(s -> " from " + s.createScriptLocation()).orElse("") + ".");
        out.flush();
        return ExitCode.OK.code();
    }

    private static boolean complete(SessionkitCommand root) {
        try {
            root.open(root.settings(SchemaMode.VALIDATE)).close(); // opening is the check
            return true;
        } catch (SchemaIncompleteException e) {
            return false;
        }
    }
}
