package dev.sessionkit.store.cache;

import dev.sessionkit.location.Location;
import dev.sessionkit.session.SessionRecord;

/**
 * An estimate of the heap one cached session takes, for sizing the cache in bytes: fixed parts measured on a 64-bit
 * JVM with compressed references (see BENCHMARKS.md, "heap per cached session"), plus the variable text at one byte a
 * character. Shared parts (User-Agent, device, location) are charged in full, so the bound holds even when every
 * session has its own.
 */
final class EntryWeight {

    /**
     * The cache's node, key, entry, index, record, id, timestamps and the principal's fixed parts: calibrated so that
     * the estimate matches the measured heap of sessions that each have their own User-Agent (827 bytes for the
     * benchmark's sessions, against 706 when they share five).
     */
    static final int FIXED = 200;
    /** What one String costs besides its characters: object and array headers. */
    private static final int PER_STRING = 40;

    private EntryWeight() {
    }

    /** {@return the estimated bytes of one cached session} */
    static int bytes(SessionRecord session) {
        int bytes = FIXED
                + text(session.principal().userId()) + text(session.principal().username())
                + text(session.ipAddress()) + text(session.userAgent())
                + text(session.device().browser()) + text(session.device().os());
        for (String role : session.principal().roles()) {
            bytes += text(role) + 40;
        }
        if (session.location().isPresent()) {
            Location location = session.location().get();
            bytes += 48 + text(location.countryCode()) + text(location.countryName())
                    + location.city().map(EntryWeight::text).orElse(0);
        }
        if (session.browserIdHash().isPresent()) {
            bytes += 32 + text(session.browserIdHash().get().hex());
        }
        return bytes;
    }

    private static int text(String text) {
        return PER_STRING + text.length();
    }
}
