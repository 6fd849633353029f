package dev.sessionkit.store;

import java.util.Optional;

/**
 * A store whose nodes can tell each other which sessions ended implements this next to {@link SessionStore}, so
 * that their validation caches forget ended sessions at once instead of at the end of {@code revocation-latency}.
 * The latency bound holds without it.
 */
public interface EndedSessionsChannels {

    /**
     * Opens a channel on this store's database.
     *
     * @return a new channel, closed by the caller; or empty when this database has none
     */
    Optional<EndedSessionsChannel> openEndedSessionsChannel();
}
