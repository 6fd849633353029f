package dev.sessionkit.security;

import java.util.Locale;
import java.util.Optional;

/** Something about a sign-in or a session that may mean the account is not in its owner's hands. */
public enum RiskSignal {
    /** The browser was never seen for this user (no browser-id match in their sessions). */
    NEW_DEVICE(EventType.RISK_NEW_DEVICE),
    /** The country is not among the user's recent sign-ins. */
    NEW_COUNTRY(EventType.RISK_NEW_COUNTRY),
    /** The distance from the previous sign-in divided by the time since it is above the travel speed setting. */
    IMPOSSIBLE_TRAVEL(EventType.AUTHN_IMPOSSIBLE_TRAVEL),
    /** Many failed attempts against the account came just before this success. */
    MANY_FAILURES(EventType.RISK_MANY_FAILURES),
    /** The sign-in leaves the account active in three or more countries at once. */
    MANY_COUNTRIES(EventType.RISK_MANY_COUNTRIES),
    /** An ended session's token came back from another browser or network: a stolen cookie. */
    USE_AFTER_END(EventType.SESSION_USE_AFTER_EXPIRE),
    /** A live session's requests switched country or browser family: checked when activity is recorded. */
    DRIFT(EventType.RISK_SESSION_DRIFT);

    private final EventType eventType;

    RiskSignal(EventType eventType) {
        this.eventType = eventType;
    }

    /**
     * Returns the type of the event recorded when this signal fires.
     *
     * @return the event type
     */
    public EventType eventType() {
        return eventType;
    }

    /**
     * Returns the lower-case, hyphenated name used in settings, the database, the API and the audit stream.
     *
     * @return e.g. {@code impossible-travel}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a wire name without throwing.
     *
     * @param text e.g. {@code new-country}; may be null
     * @return the signal, or empty for unknown text
     */
    public static Optional<RiskSignal> fromWireName(String text) {
        for (RiskSignal signal : values()) {
            if (signal.wireName().equals(text)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
