package dev.sessionkit.cli;

import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.json.JsonWriter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit schema validate}: the check the web app runs at start-up with {@code schema=validate}, as a
 * verdict on standard output.
 */
@Command(name = "validate", description = {"Checks that every Sessionkit table and column exists, as the app does "
        + "at start-up with schema=validate.", "Exit status 0 when complete; 1, naming each missing table or column "
        + "and the script to run, when not."})
final class SchemaValidateCommand implements Callable<Integer> {

    @ParentCommand
    SchemaCommand schema;

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        SessionkitCommand root = schema.root;
        Optional<String> problem = Optional.empty();
        try {
            root.open(root.settings(SchemaMode.VALIDATE)).close(); // opening is the check
        } catch (SchemaIncompleteException e) {
            // The app's setting is the wrong advice here: from the command line, the command does it.
            problem = Optional.of(e.getMessage().replace("or set schema=create to let Sessionkit create what is missing",
                    "or run `sessionkit schema create`, which creates what is missing"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("valid", problem.isEmpty());
            json.put("problem", problem.orElse(null));
            out.println(JsonWriter.indented(json));
        } else {
            out.println(problem.map(p -> "Invalid: " + p)
                    .orElse("Valid: every Sessionkit table and column is present."));
        }
        out.flush();
        return (problem.isEmpty() ? ExitCode.OK : ExitCode.INVALID).code();
    }
}
