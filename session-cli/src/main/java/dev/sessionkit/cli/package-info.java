/**
 * The {@code sessionkit} command line for operators: one picocli class per command ({@link SessionkitCommand} and
 * its subcommands), exit codes in {@link ExitCode}, and {@link Main} as the entry point of the runnable jar.
 *
 * <p>Each run opens one {@link dev.sessionkit.Sessionkit} (schema mode {@code none}, except for the
 * {@code schema} commands), does one thing, and closes it. Tables are for people; {@code --json} prints one JSON
 * document for scripts. Errors are one line on standard error, never a stack trace, and never show a token or the
 * database password.
 */
package dev.sessionkit.cli;
