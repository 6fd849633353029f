package dev.sessionkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sessionkit schema}: groups the commands on the shipped schema scripts. */
@Command(name = "schema", description = "Prints, creates or validates the Sessionkit tables, from the SQL scripts "
        + "shipped in session-core.",
        subcommands = {SchemaPrintCommand.class, SchemaCreateCommand.class, SchemaValidateCommand.class})
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    SessionkitCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
