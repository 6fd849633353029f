package dev.sessionkit.store;

import dev.sessionkit.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Tells every node sharing a store which sessions ended, so their validation caches drop them at once, and proves
 * by a heartbeat that nothing was missed, so that those caches may keep a session longer than
 * {@code revocation-latency}. Only public session ids travel, never tokens or their hashes.
 *
 * <p>What a channel promises, and what the caches rely on:
 * <ul>
 *   <li>The store announces every end it commits in the same transaction as the end itself, so an end is announced
 *       if and only if it committed, whichever node or tool made it. (Rows changed by hand in SQL are not.)</li>
 *   <li>Announcements and heartbeats reach the listener in the order their transactions committed.</li>
 *   <li>{@link Listener#caughtUp(Instant)} therefore means: every end committed before that instant has already
 *       been delivered through {@link Listener#ended(Collection)}.</li>
 *   <li>After {@link Listener#missedSome()} nothing earlier is vouched for any more.</li>
 * </ul>
 */
public interface EndedSessionsChannel extends AutoCloseable {

    /**
     * Starts delivering announcements and heartbeats, on a thread of the channel's own, until {@link #close()}.
     *
     * @param listener who hears them
     * @param clock stamps each heartbeat when it is sent; the listener compares those stamps with its own clock
     * @param beatEvery how often to send a heartbeat while connected
     */
    void listen(Listener listener, Clock clock, Duration beatEvery);

    /** Stops listening and releases the channel's connection. */
    @Override
    void close();

    /** Hears what the channel delivers, always on the channel's one thread, in commit order. */
    interface Listener {

        /**
         * Sessions some node ended.
         *
         * @param ended their ids
         */
        void ended(Collection<SessionId> ended);

        /**
         * The channel (re)connected or lost its connection: announcements may have been missed, so nothing heard
         * before is vouched for any more.
         */
        void missedSome();

        /**
         * A heartbeat came back: every end committed before it was sent has been delivered to {@link #ended}.
         *
         * @param sentAt when the heartbeat was sent, by the clock given to {@code listen}
         */
        void caughtUp(Instant sentAt);
    }
}
