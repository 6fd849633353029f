package dev.sessionkit.cli;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.token.SessionToken;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds the command line and runs it once: the same path for {@link Main} and for tests, which pass their own
 * clock, environment and streams. Usage errors and failures end here as exit codes and one line on standard
 * error.
 */
final class SessionkitCli {

    private SessionkitCli() {
    }

    /**
     * Runs one command.
     *
     * @param context clock, environment and standard input
     * @param out standard output: results
     * @param err standard error: one line per error
     * @param args the arguments
     * @return the exit status, one of {@link ExitCode}
     */
    static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        Redactor redactor = Redactor.of(args, context.env());
        CommandLine cli = new CommandLine(new SessionkitCommand(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e, err, redactor));
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (e instanceof CommandLine.ParameterException usage) {
                return usageError(usage, err, redactor);
            }
            return fail(Failures.exitCode(e), Failures.message(e), err, redactor);
        });
        configure(cli);
        cli.getCommandSpec().usageMessage().footer(SessionkitCommand.FOOTER);
        return cli.execute(dashedIdsAsParameters(cli, args));
    }

    /**
     * Moves arguments shaped like a session id or token that start with '-' behind "--", so picocli reads them as
     * parameters, never as options: ids and tokens are base64url, so one in 64 starts with '-' (and "-h..." would
     * show the help). No option has such a name; an argument that is the value of the option before it stays.
     */
    static String[] dashedIdsAsParameters(CommandLine cli, String[] args) {
        Set<String> takeValues = new HashSet<>();
        collectOptionsWithValues(cli, takeValues);
        List<String> leading = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.length; i++) {
            if (endOfOptions) {
                parameters.add(args[i]);
            } else if (args[i].equals("--")) {
                endOfOptions = true;
            } else if (args[i].startsWith("-") && isIdOrToken(args[i])
                    && (i == 0 || !takeValues.contains(args[i - 1]))) {
                parameters.add(args[i]);
            } else {
                leading.add(args[i]);
            }
        }
        if (parameters.isEmpty()) {
            return args;
        }
        leading.add("--");
        leading.addAll(parameters);
        return leading.toArray(String[]::new);
    }

    private static boolean isIdOrToken(String arg) {
        return SessionId.parse(arg).isPresent() || SessionToken.parse(arg).isPresent();
    }

    private static void collectOptionsWithValues(CommandLine command, Set<String> names) {
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                names.addAll(List.of(option.names()));
            }
        }
        command.getSubcommands().values().forEach(sub -> collectOptionsWithValues(sub, names));
    }

    /** Settings every command shares: the exit codes in the help. */
    private static void configure(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        command.getSubcommands().values().forEach(SessionkitCli::configure);
    }

    /** One line: what is wrong, picocli's "did you mean" if it has one, and where to read the usage. */
    private static int usageError(CommandLine.ParameterException e, PrintWriter err, Redactor redactor) {
        String message = e.getMessage().strip().replaceFirst("\\.$", "");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        return fail(ExitCode.USAGE, message + ". Try '" + command + " --help'.", err, redactor);
    }

    private static int fail(ExitCode code, String message, PrintWriter err, Redactor redactor) {
        err.println(redactor.apply("sessionkit: " + message));
        err.flush();
        return code.code();
    }
}
