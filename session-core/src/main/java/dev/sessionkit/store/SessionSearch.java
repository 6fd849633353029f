package dev.sessionkit.store;

import dev.sessionkit.session.SessionStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Which sessions a listing returns, and in which order.
 *
 * @param userId only this user's sessions, when present
 * @param status only sessions in this state, when present; {@link SessionStatus#ACTIVE} excludes sessions past
 *     their expiry that cleanup has not ended yet
 * @param order the order of the results
 */
public record SessionSearch(Optional<String> userId, Optional<SessionStatus> status, SessionOrder order) {

    /**
     * Checks the parts are present.
     *
     * @param userId see the record description
     * @param status see the record description
     * @param order see the record description
     */
    public SessionSearch {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(order, "order");
    }

    /**
     * An administrators' search, newest login first.
     *
     * @param userId only this user's sessions, when present
     * @param status only sessions in this state, when present
     */
    public SessionSearch(Optional<String> userId, Optional<SessionStatus> status) {
        this(userId, status, SessionOrder.NEWEST_LOGIN);
    }

    /**
     * Returns a search that matches every session, newest login first.
     *
     * @return an unfiltered search
     */
    public static SessionSearch all() {
        return new SessionSearch(Optional.empty(), Optional.empty());
    }

    /**
     * Returns a user's login history: their ended sessions, most recently ended first.
     *
     * @param userId the owner
     * @return the search
     */
    public static SessionSearch historyOf(String userId) {
        return new SessionSearch(Optional.of(userId), Optional.of(SessionStatus.ENDED), SessionOrder.RECENTLY_ENDED);
    }

    /**
     * Returns a user's usable sessions, newest login first.
     *
     * @param userId the owner
     * @return the search
     */
    public static SessionSearch activeOf(String userId) {
        return new SessionSearch(Optional.of(userId), Optional.of(SessionStatus.ACTIVE));
    }
}
