package dev.sessionkit.service;

import dev.sessionkit.session.SessionRecord;
import java.util.List;

/**
 * Hears session ends in batches (a cleanup run, "sign out everywhere") rather than one by one, for recorders that
 * write each batch at once, such as the security event log.
 */
@FunctionalInterface
public interface EndRecorder {

    /**
     * Sessions ended, each with its ending.
     *
     * @param sessions the ended sessions, not empty
     */
    void ended(List<SessionRecord> sessions);
}
