package dev.sessionkit.store.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * What the channel of ended sessions currently vouches for. Each (re)connection of the channel starts a new epoch;
 * a heartbeat that came back confirms that every end committed before it was sent has been heard. An entry read
 * from the store during the current epoch is then still good while the last confirmation is younger than
 * {@code revocation-latency}: any end it missed would have committed after that confirmation's heartbeat was sent.
 */
final class ChannelVouch {

    /** The epoch of entries that nothing vouches for: they live on their own age alone. */
    static final long NONE = -1;

    private record State(long epoch, Instant confirmedUpTo) {
    }

    private volatile State state = new State(0, null);

    /** {@return the current epoch, to stamp an entry with before reading it from the store} */
    long epoch() {
        return state.epoch();
    }

    /** The channel connected again or lost its connection: nothing heard before counts any more. */
    synchronized void restart() {
        state = new State(state.epoch() + 1, null);
    }

    /**
     * A heartbeat sent at this instant came back. The newest heartbeat replaces the last one, even if its stamp is
     * earlier (a clock stepped back): heartbeats come back in the order they were sent.
     */
    synchronized void confirmed(Instant sentAt) {
        state = new State(state.epoch(), sentAt);
    }

    /**
     * Tells whether an entry read in this epoch may still be used.
     *
     * @param entryEpoch the epoch the entry was read in, or {@link #NONE}
     * @param now the current instant
     * @param latency the revocation latency
     * @return true when the channel vouches for the entry
     */
    boolean vouchesFor(long entryEpoch, Instant now, Duration latency) {
        State current = state;
        Instant confirmed = current.confirmedUpTo();
        return entryEpoch != NONE && entryEpoch == current.epoch() && confirmed != null
                && !now.isBefore(confirmed) && now.isBefore(confirmed.plus(latency));
    }
}
