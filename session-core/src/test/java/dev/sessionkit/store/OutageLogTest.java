package dev.sessionkit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.testing.MutableClock;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private final List<Line> lines = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final OutageLog log = new OutageLog(new Capture(), "Session store", Duration.ofSeconds(10), clock);

    private static RuntimeException refused() {
        return new RuntimeException("wrapped", new SQLTransientConnectionException(
                "Connection to db:5432 refused", "08001"));
    }

    @Test
    void theFirstFailureIsWrittenAtOnceWithItsStackTrace() {
        RuntimeException failure = refused();

        log.failed("create a session", failure);

        assertEquals(1, lines.size());
        assertEquals("Session store failing: create a session: Connection to db:5432 refused [SQL state 08001] "
                + "(stack trace of the outage's first failure)", lines.get(0).message());
        // A redacted copy (a driver's message may carry a password) with the same type, message and stack.
        Throwable thrown = lines.get(0).thrown();
        assertEquals(failure.toString(), thrown.toString());
        assertArrayEquals(failure.getStackTrace(), thrown.getStackTrace());
    }

    @Test
    void failuresOfOneKindAreCountedWithinTheIntervalAndOnlyTheFirstCarriesAStackTrace() {
        for (int i = 0; i < 500; i++) {
            log.failed("find a session by token", refused());
            clock.advance(Duration.ofMillis(10));
        }
        assertEquals(1, lines.size(), "one line for the first 5 s of failures of one kind");

        clock.advance(Duration.ofSeconds(6));
        log.failed("find a session by token", refused());

        assertEquals("Session store failing: find a session by token: Connection to db:5432 refused "
                + "[SQL state 08001]; 499 more like it since the last such line", lines.get(1).message());
        assertNull(lines.get(1).thrown(), "one stack trace per outage");
    }

    @Test
    void eachKindOfFailureGetsItsOwnLine() {
        log.failed("create a session", refused());
        log.failed("create a session", new RuntimeException(new SQLException("terminating connection", "57P01")));
        log.reported("EclipseLink", "an error", refused());
        log.failed("create a session", refused());

        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).message().endsWith("[SQL state 57P01]"), lines.get(1).message());
        assertTrue(lines.get(2).message().startsWith("Session store failing: EclipseLink: an error"),
                lines.get(2).message());
    }

    @Test
    void theFirstSuccessAfterFailuresSaysOnceHowLongAndHowMany() {
        log.failed("create a session", refused());
        clock.advance(Duration.ofSeconds(3));
        log.failed("create a session", refused());
        log.reported("EclipseLink", "an error", refused());
        clock.advance(Duration.ofMillis(4_500));

        log.succeeded();
        log.succeeded();

        assertEquals("Session store is back after 7.5 s; 2 calls failed meanwhile (1 failure lines held back "
                + "since the last ones)", lines.get(lines.size() - 1).message());
        assertEquals(1, lines.stream().filter(l -> l.message().contains("is back")).count());
    }

    @Test
    void aSuccessAmidFailuresDoesNotEndTheOutage() {
        log.failed("create a session", refused());
        clock.advance(Duration.ofMillis(900));
        log.succeeded();
        log.failed("create a session", refused());
        clock.advance(Duration.ofSeconds(11));
        log.failed("create a session", refused());

        assertEquals(0, lines.stream().filter(l -> l.message().contains("is back")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.thrown() != null).count(), "still one outage, one stack trace");
    }

    @Test
    void aNewOutageStartsAfreshWithItsOwnStackTrace() {
        log.failed("create a session", refused());
        clock.advance(Duration.ofSeconds(1));
        log.succeeded();
        int before = lines.size();

        log.failed("create a session", refused());

        assertEquals(before + 1, lines.size(), "written at once, though within 10 s of the last such line");
        assertTrue(lines.get(before).thrown() != null, "the new outage's first failure has its stack trace");
    }

    @Test
    void aPasswordInAMessageIsMasked() {
        log.failed("open jdbc:postgresql://db/app?user=a&password=hunter2", new SQLException("no password=hunter2;"));

        assertTrue(lines.get(0).message().contains("password=" + CredentialRedactor.MASK), lines.get(0).message());
        assertTrue(!lines.get(0).message().contains("hunter2"), lines.get(0).message());
    }

    @Test
    void successWithoutAnOutageWritesNothing() {
        log.succeeded();

        assertEquals(List.of(), lines);
    }

    private record Line(String message, Throwable thrown) {
    }

    /** Keeps every line. */
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
            lines.add(new Line(message, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(new Line(format, null));
        }
    }
}
