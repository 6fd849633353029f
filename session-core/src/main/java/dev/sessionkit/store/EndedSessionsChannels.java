package dev.sessionkit.store;

import java.util.Optional;

/**
 * A store whose nodes can tell each other which sessions ended implements this next to {@link SessionStore}, so
 * that their validation caches forget ended sessions at once, and may keep the others longer than
 * {@code revocation-latency} while the channel's heartbeat proves nothing was missed. Such a store must announce
 * every end in the transaction that commits it (see {@link EndedSessionsChannel}). The latency bound holds without
 * it.
 */
public interface EndedSessionsChannels {

    /**
     * Opens a channel on this store's database.
     *
     * @return a new channel, closed by the caller; or empty when this database has none
     */
    Optional<EndedSessionsChannel> openEndedSessionsChannel();
}
