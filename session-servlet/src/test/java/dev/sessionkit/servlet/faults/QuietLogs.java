package dev.sessionkit.servlet.faults;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Silences java.util.logging loggers for the length of a fault test and restores them afterwards. During an outage
 * EclipseLink logs every failed statement with a stack trace of ~140 lines and the filter one warning per refused
 * request: thousands of lines that would bury the test's own report in the build log.
 */
final class QuietLogs implements AutoCloseable {

    // Strong references: java.util.logging forgets a logger's level when nothing holds the logger.
    private final Map<Logger, Level> previous = new HashMap<>();

    private QuietLogs() {
    }

    /**
     * Turns off every existing logger whose name starts with one of the prefixes, and the prefix loggers themselves
     * (so loggers created later under them inherit "off").
     *
     * @param prefixes logger name prefixes, e.g. {@code org.eclipse.persistence}
     * @return the handle that restores the levels
     */
    static QuietLogs silence(String... prefixes) {
        QuietLogs quiet = new QuietLogs();
        for (String prefix : prefixes) {
            quiet.off(Logger.getLogger(prefix));
            for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
                if (name.startsWith(prefix)) {
                    quiet.off(Logger.getLogger(name));
                }
            }
        }
        return quiet;
    }

    private void off(Logger logger) {
        // Not putIfAbsent: it replaces a remembered null ("inherit"), and a logger met twice would stay OFF.
        if (!previous.containsKey(logger)) {
            previous.put(logger, logger.getLevel());
        }
        logger.setLevel(Level.OFF);
    }

    @Override
    public void close() {
        previous.forEach(Logger::setLevel);
    }
}
