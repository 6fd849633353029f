package dev.sessionkit.security;

import java.util.Locale;
import java.util.Optional;

/** Whether what an event records succeeded, as in ECS {@code event.outcome}. */
public enum EventOutcome {
    /** It worked: a sign-in, a session end. */
    SUCCESS,
    /** It failed or was refused: a wrong password, a throttled attempt, a replayed token. */
    FAILURE;

    /**
     * Returns the lower-case name used in the database, the API and the audit stream.
     *
     * @return {@code success} or {@code failure}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name without throwing.
     *
     * @param text the name; may be null
     * @return the outcome, or empty for unknown text
     */
    public static Optional<EventOutcome> fromWireName(String text) {
        for (EventOutcome outcome : values()) {
            if (outcome.wireName().equals(text)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
