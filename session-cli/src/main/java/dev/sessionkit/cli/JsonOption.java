package dev.sessionkit.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every read command shares. */
final class JsonOption {

    @Option(names = "--json", description = "Print one JSON document for scripts instead of text for people.")
    boolean json;
}
