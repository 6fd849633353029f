package dev.sessionkit.testing;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.SessionStore;
import java.time.Instant;
import java.util.List;

/** One session's activity, recorded the way a request records it, for store tests. */
public final class Touches {

    private Touches() {
    }

    /**
     * An update whose session's previous idle deadline is far off, so a buffering store may defer it.
     *
     * @return the update
     */
    public static ActivityUpdate update(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore) {
        return new ActivityUpdate(id, at, idleExpiresAt, staleBefore, idleExpiresAt);
    }

    /**
     * Records one session's activity.
     *
     * @return whether the store wrote (or, buffering, accepted) it
     */
    public static boolean touch(SessionStore store, SessionId id, Instant at, Instant idleExpiresAt,
            Instant staleBefore) {
        return store.recordActivity(List.of(update(id, at, idleExpiresAt, staleBefore))) == 1;
    }
}
