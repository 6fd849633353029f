package dev.sessionkit.jaxrs.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the soak's clients saw, thread-safe: every session they signed in (with the moments of its login), every
 * request a session was accepted or refused on, and every end a response confirmed. Moments are
 * {@link System#nanoTime()} values; {@link #nanosOf(Instant)} maps the servers' wall-clock instants (database
 * columns) onto the same line.
 */
final class SoakLedger {

    /** What a signed-in session is used for. */
    enum Kind {
        /** Shared by the workers: requests, logouts, deletes, sign-out-others. */
        POOL,
        /** Never used after login; later probed (must be refused) or left for cleanup. */
        DORMANT,
        /** Used at long, irregular intervals close to the idle timeout, by one client. */
        SLEEPY,
        /** The administrator that reads the statistics at the end. */
        ADMIN
    }

    /** An end a response confirmed: by then the session was ended on {@code node}. */
    record Confirmation(String how, long sent, long received, int node) {
    }

    /** One "sign out my other sessions" call that answered 200. */
    record OthersCall(String user, String keeperId, long sent, long received, int node, int ended) {
    }

    /** One request's outcome for one session: sent and answered moments, and the node. */
    record Exchange(long sent, long received, int node) {
    }

    /** One signed-in session and what happened to it. */
    static final class Session {
        private final String id;
        private final String user;
        private final Kind kind;
        private final int node;
        private final long sent;
        private final long received;
        private final Map<String, String> cookies;
        private final Triples accepted = new Triples();
        private final Triples refused = new Triples();
        private final List<Confirmation> confirmations = new ArrayList<>();

        Session(String id, String user, Kind kind, int node, long sent, long received, Map<String, String> cookies) {
            this.id = id;
            this.user = user;
            this.kind = kind;
            this.node = node;
            this.sent = sent;
            this.received = received;
            this.cookies = Map.copyOf(cookies);
        }

        String id() {
            return id;
        }

        String user() {
            return user;
        }

        Kind kind() {
            return kind;
        }

        /** The node that signed it in. */
        int node() {
            return node;
        }

        /** When the login request was sent. */
        long sent() {
            return sent;
        }

        /** When the login response arrived: the session existed (committed) by then. */
        long received() {
            return received;
        }

        Map<String, String> cookies() {
            return cookies;
        }

        synchronized void accepted(long sentAt, long receivedAt, int on) {
            accepted.add(sentAt, receivedAt, on);
        }

        synchronized void refused(long sentAt, long receivedAt, int on) {
            refused.add(sentAt, receivedAt, on);
        }

        synchronized void confirmed(Confirmation confirmation) {
            confirmations.add(confirmation);
        }

        synchronized long recordedBytes() {
            return accepted.bytes() + refused.bytes();
        }

        synchronized List<Exchange> acceptances() {
            return accepted.exchanges();
        }

        synchronized List<Exchange> refusals() {
            return refused.exchanges();
        }

        synchronized List<Confirmation> confirmations() {
            return List.copyOf(confirmations);
        }

        synchronized Optional<Confirmation> confirmation(String how) {
            return confirmations.stream().filter(c -> c.how().equals(how)).findFirst();
        }

        @Override
        public String toString() {
            return kind + " session " + id + " of " + user;
        }
    }

    /** Requests sent, by outcome. */
    final LongAdder requests = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder logouts = new LongAdder();
    final LongAdder deletes = new LongAdder();
    final LongAdder othersCalls = new LongAdder();
    final LongAdder othersEnded = new LongAdder();
    final LongAdder probes = new LongAdder();

    private final long startNanos;
    private final Instant startWall;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<OthersCall> others = new ConcurrentLinkedQueue<>();
    private final Problems problems;

    SoakLedger(Problems problems) {
        this.problems = problems;
        // Taken together so that database instants and client moments share one line (drift over a run: ~ms).
        this.startWall = Instant.now();
        this.startNanos = System.nanoTime();
    }

    Problems problems() {
        return problems;
    }

    long nanosOf(Instant wall) {
        return startNanos + Duration.between(startWall, wall).toNanos();
    }

    /** A moment as seconds since the soak started, for messages. */
    String at(long nanos) {
        return String.format("+%.3fs", (nanos - startNanos) / 1e9);
    }

    Session signedIn(Session session) {
        sessions.put(session.id(), session);
        return session;
    }

    void othersCall(OthersCall call) {
        others.add(call);
        othersCalls.increment();
        othersEnded.add(call.ended());
    }

    Collection<Session> sessions() {
        return sessions.values();
    }

    Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    List<OthersCall> othersCalls() {
        return List.copyOf(others);
    }

    /**
     * Roughly what the ledger itself holds in the heap (its request records, which grow with the run), so that the
     * heap check measures the nodes, not the soak's own bookkeeping.
     */
    long recordedBytes() {
        return sessions.values().stream().mapToLong(Session::recordedBytes).sum();
    }

    /** Compact (sent, received, node) triples: a long soak records hundreds of thousands of them. */
    private static final class Triples {
        private long[] values = new long[3 * 8];
        private int size;

        void add(long sent, long received, int node) {
            if (size + 3 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size] = sent;
            values[size + 1] = received;
            values[size + 2] = node;
            size += 3;
        }

        long bytes() {
            return 16L + 8L * values.length;
        }

        List<Exchange> exchanges() {
            List<Exchange> list = new ArrayList<>(size / 3);
            for (int i = 0; i < size; i += 3) {
                list.add(new Exchange(values[i], values[i + 1], (int) values[i + 2]));
            }
            return list;
        }
    }
}
