package dev.sessionkit.jaxrs.soak;

import dev.sessionkit.service.SessionListener;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the nodes' session listeners heard. Every path that ends a session (logout, revocation, eviction at login,
 * expiry found by a request, cleanup) tells the listeners of the node that ended it, on the thread that did it;
 * so the thread name shows whether the cleanup scheduler did the work, and across both nodes every ended session
 * must be heard exactly once.
 */
final class HeardEvents {

    /** One end as a listener heard it. */
    record End(String sessionId, EndReason reason, int node, String thread) {
        boolean byCleanupScheduler() {
            // SessionkitRuntime names its scheduler thread "sessionkit-cleanup" + the context path.
            return thread.startsWith("sessionkit-cleanup");
        }
    }

    private final ConcurrentLinkedQueue<End> ends = new ConcurrentLinkedQueue<>();
    private final LongAdder created = new LongAdder();

    SessionListener listenerFor(int node) {
        return new SessionListener() {
            @Override
            public void created(SessionRecord session, boolean newDevice) {
                created.increment();
            }

            @Override
            public void ended(SessionRecord session, EndReason reason) {
                ends.add(new End(session.id().value(), reason, node, Thread.currentThread().getName()));
            }
        };
    }

    List<End> ends() {
        return List.copyOf(ends);
    }

    long created() {
        return created.sum();
    }
}
