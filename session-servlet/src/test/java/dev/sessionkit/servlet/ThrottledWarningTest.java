package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ThrottledWarning warning = new ThrottledWarning(new Capture(), Duration.ofSeconds(10), nanos::get);

    @Test
    void theFirstWarningIsWrittenAtOnce() {
        warning.warn("store down");

        assertEquals(List.of("store down"), lines);
    }

    @Test
    void warningsWithinTheIntervalAreCountedAndReportedWithTheNextLine() {
        warning.warn("store down");
        for (int i = 0; i < 500; i++) {
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
            warning.warn("store down");
        }
        assertEquals(1, lines.size(), "one line for the first 5 s of failures");

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        warning.warn("store down again");

        assertEquals(List.of("store down", "store down again (500 more like it since the last such line)"), lines);
    }

    @Test
    void aWarningAfterAQuietIntervalIsWrittenPlain() {
        warning.warn("store down");
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());

        warning.warn("store down");

        assertEquals(List.of("store down", "store down"), lines);
    }

    /** Keeps WARNING lines. */
    private final class Capture implements System.Logger {
        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }
}
