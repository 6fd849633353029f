package dev.sessionkit.servlet.faults;

import dev.sessionkit.security.AuditLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the JVM logs for the length of a fault test, instead of the console: every java.util.logging record
 * (the root logger's handlers are swapped for one that keeps them) and everything written to System.out and
 * System.err (where EclipseLink's default log and stray stack traces go). Restores all at close.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Handler[] previousHandlers;
    private final PrintStream previousOut = System.out;
    private final PrintStream previousErr = System.err;
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private boolean closed;

    private LogCapture() {
        previousHandlers = root.getHandlers();
        for (Handler handler : previousHandlers) {
            root.removeHandler(handler);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                // The audit stream is one line per security event by design, shipped to a SIEM, not read by people:
                // what these tests bound is the operators' log.
                if (!AuditLog.LOGGER.equals(record.getLoggerName())) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        PrintStream captured = new PrintStream(streams, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
    }

    /** Starts capturing. */
    static LogCapture start() {
        return new LogCapture();
    }

    /** {@return the records logged so far} */
    List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** {@return the records' messages, one line each as a console would show them, without stack traces} */
    List<String> messageLines() {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.addAll(Arrays.asList(formatter.formatMessage(record).split("\\R")));
        }
        return lines;
    }

    /**
     * Waits until a record's message contains the text.
     *
     * @return whether one did within the timeout
     */
    boolean awaitMessage(String text, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.stream().noneMatch(r -> formatter.formatMessage(r).contains(text))) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** {@return the stack traces attached to the records, as text} */
    List<String> stackTraces() {
        List<String> traces = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getThrown() != null) {
                StringWriter text = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(text));
                traces.add(text.toString());
            }
        }
        return traces;
    }

    /** {@return the lines written to System.out and System.err} */
    List<String> streamLines() {
        String text = streams.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.setOut(previousOut);
        System.setErr(previousErr);
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        for (Handler handler : previousHandlers) {
            root.addHandler(handler);
        }
    }
}
