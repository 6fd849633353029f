package dev.sessionkit.store;

import dev.sessionkit.session.SessionRecord;
import java.util.List;
import java.util.Objects;

/**
 * What storing a new login did.
 *
 * @param created the stored session
 * @param ended sessions of the same user this login ended: evicted by the limit, or found expired on the way
 * @param newDevice true when the browser id was never seen for this user before (or the login has none)
 */
public record CreateResult(SessionRecord created, List<SessionRecord> ended, boolean newDevice) {

    /**
     * Copies the list.
     *
     * @param created see the record description
     * @param ended see the record description
     * @param newDevice see the record description
     */
    public CreateResult {
        Objects.requireNonNull(created, "created");
        ended = List.copyOf(ended);
    }
}
