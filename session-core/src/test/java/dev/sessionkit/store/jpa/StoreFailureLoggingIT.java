package dev.sessionkit.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.token.TokenHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * During a database outage every request's statement fails. The store turns each failure into a
 * {@link SessionStoreUnavailableException} for its caller to answer 503 and log; EclipseLink must not also log
 * each one with its whole stack trace (about 140 lines), which buried everything else in an outage's log. And its
 * logger names must not carry the JDBC URL, which may hold a password.
 */
class StoreFailureLoggingIT {

    @Test
    void aFailingStatementIsReportedToTheCallerWithoutEclipseLinkLoggingItsStackTrace() throws Exception {
        String database = UUID.randomUUID().toString();
        String url = "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger eclipseLink = Logger.getLogger("org.eclipse.persistence");
        eclipseLink.addHandler(capture);
        try (JpaSessionStore store = JpaSessionStores.open(url, "sa", "", SchemaMode.CREATE)) {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
            records.clear();

            for (int i = 0; i < 5; i++) {
                SessionStoreUnavailableException failure = assertThrows(SessionStoreUnavailableException.class,
                        () -> store.findByTokenHash(TokenHash.ofSecret("any")));
                assertEquals("Session store failed while trying to find a session by token", failure.getMessage());
            }

            // EclipseLink's loggers are named after its session; by default that embeds the JDBC URL (and so any
            // password in it).
            List<String> eclipseLinkLoggers = Collections.list(LogManager.getLogManager().getLoggerNames()).stream()
                    .filter(name -> name.startsWith("org.eclipse.persistence.session")).toList();
            assertTrue(!eclipseLinkLoggers.isEmpty(), "EclipseLink made no session logger to check");
            assertEquals(List.of(), eclipseLinkLoggers.stream().filter(name -> name.contains(database)).toList());
            List<LogRecord> withStackTraces = records.stream()
                    .filter(r -> r.getThrown() != null && r.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
            assertEquals(List.of(), withStackTraces.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getThrown().getClass().getName()).toList());
        } finally {
            eclipseLink.removeHandler(capture);
        }
    }
}
