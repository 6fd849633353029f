package dev.sessionkit.store;

import dev.sessionkit.session.SessionId;
import java.util.Collection;

/**
 * Tells the other nodes sharing a store which sessions just ended, so their validation caches drop them at once.
 * Only public session ids travel, never tokens or their hashes. Delivery is best effort: a lost message only
 * means a node keeps a cached session until its {@code revocation-latency} runs out.
 */
public interface EndedSessionsChannel extends AutoCloseable {

    /**
     * Announces ended sessions to every node, this one included. Never throws: a failure is logged and the
     * latency bound still holds.
     *
     * @param ended the sessions that ended
     */
    void publish(Collection<SessionId> ended);

    /**
     * Starts delivering announcements, on a thread of the channel's own, until {@link #close()}.
     *
     * @param listener who hears them
     */
    void listen(Listener listener);

    /** Stops listening and releases the channel's connection. */
    @Override
    void close();

    /** Hears what the channel delivers. */
    interface Listener {

        /**
         * Sessions some node ended.
         *
         * @param ended their ids
         */
        void ended(Collection<SessionId> ended);

        /**
         * Announcements may have been missed (the connection dropped and came back), so anything cached may be
         * stale.
         */
        void missedSome();
    }
}
