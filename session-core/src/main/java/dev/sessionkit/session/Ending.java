package dev.sessionkit.session;

import java.time.Instant;
import java.util.Objects;

/**
 * When and why a session ended.
 *
 * @param at the instant it ended
 * @param reason why it ended
 */
public record Ending(Instant at, EndReason reason) {

    /**
     * Checks both parts are present.
     *
     * @param at see the record description
     * @param reason see the record description
     */
    public Ending {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
