package dev.sessionkit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit status the command line returns, the one place scripts and the help text read them from. Two
 * constants share status 1: they name why, the number tells scripts what to do.
 */
enum ExitCode {
    /** The command did what was asked. */
    OK(0, "success"),
    /** The session id is unknown. */
    NOT_FOUND(1, "not found: unknown session id"),
    /** The token is not valid, the schema is incomplete, or the tables to create already exist. */
    INVALID(1, "invalid: token not valid, schema incomplete or already there"),
    /** The command line is wrong: unknown command or option, bad id or duration, bad setting, no database. */
    USAGE(2, "usage: unknown command or option, bad id, duration or setting, no database given"),
    /** The database could not be reached or failed while answering. */
    UNAVAILABLE(3, "the database could not be reached or failed");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** {@return the process exit status} */
    int code() {
        return code;
    }

    /** {@return the "Exit codes" list of every command's help: status to meaning, statuses sharing a line} */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.merge(String.valueOf(exit.code), exit.meaning, (a, b) -> a + "; " + b);
        }
        return list;
    }
}
