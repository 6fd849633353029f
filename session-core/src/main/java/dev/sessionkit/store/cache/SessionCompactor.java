package dev.sessionkit.store.cache;

import com.github.benmanes.caffeine.cache.Interner;
import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;

/**
 * Makes a session read from the store share what many sessions repeat (the User-Agent text, the detected device,
 * the location) and the token hash the cache already holds as its key, so a cached session costs less heap. Weak
 * interners: a value no cached session uses any more is collected.
 */
final class SessionCompactor {

    private final Interner<String> userAgents = Interner.newWeakInterner();
    private final Interner<DeviceInfo> devices = Interner.newWeakInterner();
    private final Interner<Location> locations = Interner.newWeakInterner();

    /**
     * @param loaded the session as the store returned it
     * @param key the token hash the cache keys it by, equal to the session's
     * @return an equal session that shares repeated parts
     */
    SessionRecord compact(SessionRecord loaded, TokenHash key) {
        return new SessionRecord(loaded.id(), key.equals(loaded.tokenHash()) ? key : loaded.tokenHash(),
                loaded.principal(), loaded.createdAt(), loaded.lastAccessedAt(), loaded.idleExpiresAt(),
                loaded.absoluteExpiresAt(), loaded.ending(), loaded.ipAddress(), userAgents.intern(loaded.userAgent()),
                devices.intern(loaded.device()), loaded.location().map(locations::intern), loaded.browserIdHash(),
                loaded.authentication());
    }
}
