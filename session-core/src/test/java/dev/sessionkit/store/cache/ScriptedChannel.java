package dev.sessionkit.store.cache;

import dev.sessionkit.store.EndedSessionsChannel;
import java.time.Clock;
import java.time.Duration;

/** A channel the test drives by hand: it delivers announcements, heartbeats and losses when the test says. */
final class ScriptedChannel implements EndedSessionsChannel {

    Listener listener;
    Duration beatEvery;
    boolean closed;

    @Override
    public void listen(Listener listener, Clock clock, Duration beatEvery) {
        this.listener = listener;
        this.beatEvery = beatEvery;
    }

    @Override
    public void close() {
        closed = true;
    }
}
