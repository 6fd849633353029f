package dev.sessionkit.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Which events a listing returns, newest first.
 *
 * @param userId only this account's events, when present
 * @param type only events of this type, when present
 */
public record EventSearch(Optional<String> userId, Optional<EventType> type) {

    /**
     * Checks the parts are present.
     *
     * @param userId see the record description
     * @param type see the record description
     */
    public EventSearch {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Returns every event of one account.
     *
     * @param userId the account
     * @return the search
     */
    public static EventSearch ofUser(String userId) {
        return new EventSearch(Optional.of(userId), Optional.empty());
    }

    /**
     * Returns every event.
     *
     * @return the search
     */
    public static EventSearch all() {
        return new EventSearch(Optional.empty(), Optional.empty());
    }
}
