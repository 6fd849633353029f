package dev.sessionkit.store.jpa;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.store.EndedSessionsChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Ended sessions heard through PostgreSQL's LISTEN/NOTIFY. The store announces every end inside the transaction
 * that commits it ({@link EndAnnouncements}); this channel holds one connection of its own that listens, and a
 * daemon thread that waits for notifications and sends a heartbeat on that same connection every {@code beatEvery}.
 * PostgreSQL delivers notifications in commit order, a session's own included, so when a heartbeat comes back every
 * end committed before it was sent has been heard. A heartbeat that does not come back within {@link #DEAD_AFTER}
 * marks the connection dead (it may be cut without either side noticing); the channel then reconnects and reports
 * {@link Listener#missedSome()}, as after any failure.
 */
final class PostgresEndedSessionsChannel implements EndedSessionsChannel {

    /** A connection whose heartbeat stays away this long is treated as dead and replaced. */
    static final Duration DEAD_AFTER = Duration.ofSeconds(5);
    private static final long MAX_RETRY_MILLIS = 5_000;
    /** Longest a read on the listening connection may block, so a silently cut connection is noticed. */
    private static final int NETWORK_TIMEOUT_MILLIS = 10_000;
    private static final Executor ON_CALLER = Runnable::run;
    private static final System.Logger LOG = System.getLogger(PostgresEndedSessionsChannel.class.getName());

    private final ConnectionFactory connections;
    private volatile boolean closed;
    private volatile Thread listening;

    /** @param connections opens the listening connection */
    PostgresEndedSessionsChannel(ConnectionFactory connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public synchronized void listen(Listener listener, Clock clock, Duration beatEvery) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        if (beatEvery.isNegative() || beatEvery.isZero()) {
            throw new IllegalArgumentException("beatEvery must be positive, was " + beatEvery);
        }
        if (listening != null) {
            throw new IllegalStateException("already listening");
        }
        Thread thread = new Thread(() -> run(listener, clock, beatEvery), "sessionkit-ended-sessions");
        thread.setDaemon(true);
        listening = thread;
        thread.start();
    }

    private void run(Listener listener, Clock clock, Duration beatEvery) {
        long retryMillis = 250;
        boolean warned = false;
        while (!closed) {
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(true);
                connection.setNetworkTimeout(ON_CALLER, NETWORK_TIMEOUT_MILLIS);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(SessionSql.LISTEN);
                }
                // Whatever ended while we were not listening went unheard.
                listener.missedSome();
                if (warned) {
                    LOG.log(System.Logger.Level.INFO, "Listening again for sessions ended on other nodes");
                }
                warned = false;
                retryMillis = 250;
                new Heartbeats(connection, postgres, listener, clock, beatEvery).run();
            } catch (SQLException | RuntimeException e) {
                listener.missedSome();
                if (!closed && !warned) {
                    LOG.log(System.Logger.Level.WARNING, "Lost the connection that hears sessions ended on other "
                            + "nodes; retrying. Until then they are refused within revocation-latency: "
                            + CredentialRedactor.redactText(e.getMessage()));
                    warned = true;
                }
            } catch (LinkageError e) {
                listener.missedSome();
                LOG.log(System.Logger.Level.WARNING, "The PostgreSQL driver's notification API is not visible to "
                        + "Sessionkit (" + e + "); sessions ended on other nodes are refused within "
                        + "revocation-latency, not at once");
                return;
            }
            pause(retryMillis);
            retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = listening;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(NETWORK_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One connection's life: wait for notifications, send a heartbeat on time, hear it come back. */
    private final class Heartbeats {
        private final Connection connection;
        private final PGConnection postgres;
        private final Listener listener;
        private final Clock clock;
        private final long beatNanos;
        private final int ownPid;
        private long sequence;
        private Instant outstandingSentAt;
        private long outstandingSequence = -1;
        private long outstandingSince;
        private long nextBeat;

        Heartbeats(Connection connection, PGConnection postgres, Listener listener, Clock clock, Duration beatEvery) {
            this.connection = connection;
            this.postgres = postgres;
            this.listener = listener;
            this.clock = clock;
            this.beatNanos = beatEvery.toNanos();
            this.ownPid = postgres.getBackendPID();
            this.nextBeat = System.nanoTime();
        }

        void run() throws SQLException {
            try (PreparedStatement beat = connection.prepareStatement(SessionSql.NOTIFY)) {
                while (!closed) {
                    long now = System.nanoTime();
                    if (outstandingSequence >= 0 && now - outstandingSince > DEAD_AFTER.toNanos()) {
                        throw new SQLException("no heartbeat came back within " + DEAD_AFTER.toSeconds() + " s");
                    }
                    if (now - nextBeat >= 0 && outstandingSequence < 0) {
                        send(beat, now);
                    }
                    int waitMillis = (int) Math.max(1, Math.min(250, (nextBeat - System.nanoTime()) / 1_000_000));
                    PGNotification[] notifications = postgres.getNotifications(waitMillis);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification);
                        }
                    }
                }
            }
        }

        private void send(PreparedStatement beat, long now) throws SQLException {
            sequence++;
            // Stamped before it is sent: every end committed before this instant precedes the beat's commit.
            outstandingSentAt = clock.instant();
            outstandingSequence = sequence;
            outstandingSince = now;
            nextBeat = now + beatNanos;
            beat.setString(1, SessionSql.CHANNEL);
            beat.setString(2, ChannelPayloads.heartbeat(sequence));
            beat.executeQuery().close();
        }

        private void deliver(PGNotification notification) {
            String payload = notification.getParameter();
            if (!ChannelPayloads.isHeartbeat(payload)) {
                listener.ended(ChannelPayloads.parse(payload));
            } else if (notification.getPID() == ownPid
                    && ChannelPayloads.heartbeatSequence(payload) == outstandingSequence) {
                outstandingSequence = -1;
                listener.caughtUp(outstandingSentAt);
            }
            // Other nodes' heartbeats, and a late one of ours, prove nothing here.
        }
    }
}
