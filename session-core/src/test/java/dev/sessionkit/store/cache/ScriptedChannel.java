package dev.sessionkit.store.cache;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.EndedSessionsChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A channel the test drives by hand: it records what is published and delivers what the test says. */
final class ScriptedChannel implements EndedSessionsChannel {

    final List<SessionId> published = new ArrayList<>();
    Listener listener;
    boolean closed;

    @Override
    public void publish(Collection<SessionId> ended) {
        published.addAll(ended);
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        closed = true;
    }
}
