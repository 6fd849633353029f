package dev.sessionkit.store;

import dev.sessionkit.config.CredentialRedactor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Logs the failures of an outage so that an operator can read them: at most one line per kind of failure per
 * interval, saying how many like it were held back; the stack trace of the outage's first failure only; and one
 * line when it works again, saying how long it did not and how many calls failed meanwhile.
 *
 * <p>During a database outage every request fails the same way, hundreds a second; one line (let alone one stack
 * trace) each buried everything else in the log. Thread-safe; the success path costs one volatile read.
 */
public final class OutageLog {

    /**
     * How long no call may have failed before a success counts as the end of the outage. Calls that were under way
     * when the database went down, or that ran on a connection it had not cut yet, succeed amid the failures; each
     * would otherwise end the outage and start a new one, with a stack trace of its own.
     */
    static final Duration QUIET_BEFORE_RECOVERY = Duration.ofSeconds(1);

    private final System.Logger log;
    private final String subject;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, KindState> kinds = new HashMap<>();
    private volatile boolean failing;
    private Instant since;
    private Instant lastFailure;
    private long failures;
    private boolean stackTraceWritten;

    /**
     * @param log where to write
     * @param subject what fails, as the lines name it, e.g. {@code "Session store"}
     * @param interval the least time between two lines about the same kind of failure
     * @param clock the time source
     */
    public OutageLog(System.Logger log, String subject, Duration interval, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a failed call: it starts an outage if none is under way, counts towards the recovery line, and is
     * written unless a failure of its kind was written less than one interval ago.
     *
     * @param what what was being done, e.g. {@code "create a session"}
     * @param cause the failure; its kind is its deepest SQL state or exception type
     */
    public void failed(String what, Throwable cause) {
        write(what, cause, "", true);
    }

    /**
     * Records a failure another component reports about the same calls (EclipseLink logging its own errors): written
     * under the same rules, as kinds of its own, but not counted again in the recovery line.
     *
     * @param source who reports it, e.g. {@code "EclipseLink"}
     * @param what what the component said
     * @param cause the failure, or null
     */
    public void reported(String source, String what, Throwable cause) {
        write(source + ": " + what, cause, source + " ", false);
    }

    /**
     * Records a call that worked: when an outage was under way and no call failed for {@link #QUIET_BEFORE_RECOVERY},
     * writes the one "is back" line and ends it.
     */
    public void succeeded() {
        if (!failing) {
            return;
        }
        String line;
        synchronized (this) {
            Instant now = clock.instant();
            if (!failing || now.isBefore(lastFailure.plus(QUIET_BEFORE_RECOVERY))) {
                return;
            }
            failing = false;
            Duration down = Duration.between(since, now);
            line = subject + " is back after " + seconds(down) + " s; " + failures + " calls failed meanwhile"
                    + heldBackSummary();
            kinds.clear();
        }
        log.log(System.Logger.Level.WARNING, line);
    }

    private void write(String what, Throwable cause, String kindPrefix, boolean counts) {
        Instant now = clock.instant();
        String kind = kindPrefix + kindOf(cause);
        String line;
        Throwable attached = null;
        synchronized (this) {
            if (!failing) {
                failing = true;
                since = now;
                failures = 0;
                stackTraceWritten = false;
            }
            lastFailure = now;
            if (counts) {
                failures++;
            }
            KindState state = kinds.computeIfAbsent(kind, k -> new KindState());
            if (state.lastWritten != null && now.isBefore(state.lastWritten.plus(interval))) {
                state.heldBack++;
                return;
            }
            line = subject + " failing: " + redact(oneLine(what)) + causeText(cause) + " [" + kind + "]"
                    + (state.heldBack == 0 ? "" : "; " + state.heldBack + " more like it since the last such line");
            state.lastWritten = now;
            state.heldBack = 0;
            if (cause != null && !stackTraceWritten) {
                stackTraceWritten = true;
                attached = cause;
            }
        }
        if (attached == null) {
            log.log(System.Logger.Level.WARNING, line);
        } else {
            log.log(System.Logger.Level.WARNING, line + " (stack trace of the outage's first failure)",
                    CredentialRedactor.patterns().redactedCopy(attached));
        }
    }

    private String heldBackSummary() {
        long heldBack = kinds.values().stream().mapToLong(s -> s.heldBack).sum();
        return heldBack == 0 ? "" : " (" + heldBack + " failure lines held back since the last ones)";
    }

    /** The kind of a failure: the SQL state of its deepest SQLException, else the type of its deepest cause. */
    static String kindOf(Throwable cause) {
        if (cause == null) {
            return "no cause";
        }
        String sqlState = null;
        Throwable deepest = cause;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            deepest = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
        }
        return sqlState != null ? "SQL state " + sqlState : deepest.getClass().getSimpleName();
    }

    /** The deepest cause's message, on one line: EclipseLink's own wraps it in many lines of context. */
    private static String causeText(Throwable cause) {
        if (cause == null) {
            return "";
        }
        Throwable deepest = cause;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? "" : ": " + redact(oneLine(message));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static String redact(String text) {
        return CredentialRedactor.redactText(text);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** What was last written about one kind of failure, and how many were held back since. */
    private static final class KindState {
        private Instant lastWritten;
        private long heldBack;
    }
}
