package dev.sessionkit.security;

import java.util.Locale;
import java.util.Optional;

/** What Sessionkit did about an event; ordered from least to most severe. */
public enum EventAction {
    /** Recorded only. */
    RECORD,
    /** Recorded and passed to the app's alert listeners ("new sign-in" mail). */
    NOTIFY,
    /** Further sign-in attempts are refused for a while (429 with Retry-After). */
    THROTTLE,
    /** The session concerned was ended. */
    END_SESSION,
    /** Every session of the user was ended. */
    END_ALL_SESSIONS;

    /**
     * Returns the lower-case, hyphenated name used in settings, the database, the API and the audit stream.
     *
     * @return e.g. {@code end-session}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a wire name without throwing.
     *
     * @param text e.g. {@code notify}; may be null
     * @return the action, or empty for unknown text
     */
    public static Optional<EventAction> fromWireName(String text) {
        for (EventAction action : values()) {
            if (action.wireName().equals(text)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the more severe of two actions.
     *
     * @param other the other action
     * @return this or other, whichever does more
     */
    public EventAction atLeast(EventAction other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
