package dev.sessionkit.store.cache;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * A session as the store returned it (plus activity recorded here since), when it was read, and in which epoch of
 * the channel of ended sessions ({@link ChannelVouch#NONE} when the channel cannot vouch for it).
 */
record CachedSession(SessionRecord record, Instant loadedAt, long epoch) {

    /**
     * Tells whether the entry may answer a lookup: young enough by itself or vouched for by the channel, and not
     * looking expired (which only the store may confirm).
     */
    boolean usableAt(Instant now, Duration latency, ChannelVouch vouch) {
        boolean young = !now.isBefore(loadedAt) && now.isBefore(loadedAt.plus(latency));
        boolean trusted = young || vouch.vouchesFor(epoch, now, latency);
        return trusted && !(record.isActive() && record.isExpiredAt(now));
    }

    /** The copy after this node recorded activity; unchanged for another session, an ended one or older activity. */
    CachedSession withActivity(SessionId id, Instant at, Instant idleExpiresAt) {
        if (!record.id().equals(id) || !record.isActive() || !at.isAfter(record.lastAccessedAt())) {
            return this;
        }
        return new CachedSession(record.withActivity(at, idleExpiresAt), loadedAt, epoch);
    }
}
