package dev.sessionkit.jaxrs.abuse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything the test JVM logs while installed: every java.util.logging record (where Sessionkit's
 * {@link System.Logger}s, EclipseLink and Jersey write), formatted with its stack trace, and every line written to
 * System.out and System.err (where Jetty logs through SLF4J's simple binding), which still reach the console.
 * Sessionkit's loggers are opened down to DEBUG and TRACE, the most an operator could switch on, so that debug
 * lines are scanned too.
 */
final class LogCapture implements AutoCloseable {

    private final Queue<String> records = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");
    // Held strongly: java.util.logging keeps loggers weakly, and a collected logger would forget its level.
    private final Logger sessionkit = Logger.getLogger("dev.sessionkit");
    private final Level sessionkitLevel = sessionkit.getLevel();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            records.add(record.getLoggerName() + " " + format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private boolean closed;

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        sessionkit.setLevel(Level.ALL);
        System.setOut(new PrintStream(new Tee(out), true, Charset.defaultCharset()));
        System.setErr(new PrintStream(new Tee(err), true, Charset.defaultCharset()));
    }

    /** Starts capturing; close to stop and restore the streams and levels. */
    static LogCapture install() {
        return new LogCapture();
    }

    /** Every captured line so far: log records first (one entry each, stack trace included), then console lines. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(records);
        String text;
        synchronized (console) {
            text = console.toString(Charset.defaultCharset());
        }
        lines.addAll(List.of(text.split("\\R")));
        return lines;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        root.removeHandler(handler);
        sessionkit.setLevel(sessionkitLevel);
        System.setOut(out);
        System.setErr(err);
    }

    /** Writes to the original stream and into the capture. */
    private final class Tee extends OutputStream {
        private final PrintStream original;

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            synchronized (console) {
                console.write(b);
            }
            original.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (console) {
                console.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
        }
    }
}
