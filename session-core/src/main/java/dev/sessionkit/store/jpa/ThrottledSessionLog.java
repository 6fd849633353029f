package dev.sessionkit.store.jpa;

import dev.sessionkit.store.OutageLog;
import java.util.Objects;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's log, with every warning or error it writes itself (often with a 100-line stack trace, once per failed
 * statement) passed through the store's {@link OutageLog}: one line per kind per interval, one stack trace per
 * outage. Everything else goes to the log EclipseLink configured, unchanged.
 */
final class ThrottledSessionLog extends AbstractSessionLog {

    private final SessionLog configured;
    private final OutageLog outages;

    /**
     * @param configured the log EclipseLink built from the persistence properties (levels, logger names)
     * @param outages where failures go
     */
    ThrottledSessionLog(SessionLog configured, OutageLog outages) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.outages = Objects.requireNonNull(outages, "outages");
        setLevel(configured.getLevel());
        setSession(configured.getSession());
    }

    @Override
    public boolean shouldLog(int level) {
        return configured.shouldLog(level);
    }

    @Override
    public boolean shouldLog(int level, String category) {
        return configured.shouldLog(level, category);
    }

    @Override
    public void log(SessionLogEntry entry) {
        if (!configured.shouldLog(entry.getLevel(), entry.getNameSpace())) {
            return;
        }
        if (entry.hasException() || entry.getLevel() >= SessionLog.WARNING) {
            String message = entry.hasMessage() ? formatMessage(entry) : "";
            outages.reported("EclipseLink", message == null || message.isBlank() ? "an error" : message,
                    entry.getException());
        } else {
            configured.log(entry);
        }
    }
}
