package dev.sessionkit.store;

import dev.sessionkit.session.SessionStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator filters sessions by. Results come newest first.
 *
 * @param userId only this user's sessions, when present
 * @param status only sessions in this state, when present; {@link SessionStatus#ACTIVE} excludes sessions past
 *     their expiry that cleanup has not ended yet
 */
public record SessionSearch(Optional<String> userId, Optional<SessionStatus> status) {

    /**
     * Checks the parts are present.
     *
     * @param userId see the record description
     * @param status see the record description
     */
    public SessionSearch {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Returns a search that matches every session.
     *
     * @return an unfiltered search
     */
    public static SessionSearch all() {
        return new SessionSearch(Optional.empty(), Optional.empty());
    }
}
