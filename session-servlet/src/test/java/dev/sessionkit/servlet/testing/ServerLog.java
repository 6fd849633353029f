package dev.sessionkit.servlet.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a server log would show while installed: java.util.logging records with their stack traces (where
 * Sessionkit's System.Logger and Tomcat write) and the console (where Jetty logs through SLF4J's simple binding),
 * which still reaches the real console too. Sessionkit's loggers are opened to every level while capturing (an
 * earlier test in the same JVM may have silenced one), and restored afterwards.
 */
public final class ServerLog implements AutoCloseable {

    private final StringBuffer text = new StringBuffer();
    private final Logger root = Logger.getLogger("");
    // Strong references: java.util.logging forgets a logger's level when nothing holds the logger.
    private final Map<Logger, Level> sessionkitLevels = new HashMap<>();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            text.append(record.getLoggerName()).append(' ').append(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ServerLog() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        open(Logger.getLogger("dev.sessionkit"));
        for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            if (name.startsWith("dev.sessionkit.")) {
                open(Logger.getLogger(name));
            }
        }
        System.setOut(new PrintStream(new Tee(out), true, Charset.defaultCharset()));
        System.setErr(new PrintStream(new Tee(err), true, Charset.defaultCharset()));
    }

    private void open(Logger logger) {
        if (!sessionkitLevels.containsKey(logger)) {
            sessionkitLevels.put(logger, logger.getLevel());
        }
        logger.setLevel(Level.ALL);
    }

    /** Starts capturing; close to stop and restore the console and the levels. */
    public static ServerLog capture() {
        return new ServerLog();
    }

    /** Everything captured so far: log records, then console output. */
    public String text() {
        synchronized (console) {
            return text + console.toString(Charset.defaultCharset());
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        sessionkitLevels.forEach(Logger::setLevel);
        System.setOut(out);
        System.setErr(err);
    }

    private final class Tee extends OutputStream {
        private final OutputStream real;

        Tee(OutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            real.write(b);
            synchronized (console) {
                console.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            real.write(b, off, len);
            synchronized (console) {
                console.write(b, off, len);
            }
        }
    }
}
