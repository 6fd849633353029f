package dev.sessionkit.store.jpa;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.EndedSessionsChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Ended sessions announced through PostgreSQL's LISTEN/NOTIFY. Publishing is a {@code pg_notify} through the store's
 * pool; listening holds one connection of its own, polled by a daemon thread that reconnects after failures and
 * then reports {@link Listener#missedSome()}. PostgreSQL delivers a notification only after the transaction that
 * ended the session committed, and to every listening node.
 */
final class PostgresEndedSessionsChannel implements EndedSessionsChannel {

    /** PostgreSQL refuses payloads of 8000 bytes or more; ids are 22 ASCII characters plus a comma. */
    private static final int MAX_PAYLOAD = 7_800;
    private static final int POLL_MILLIS = 500;
    /** A dead connection may never report itself while only waiting; a query every few polls makes it. */
    private static final int POLLS_PER_PING = 10;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final System.Logger LOG = System.getLogger(PostgresEndedSessionsChannel.class.getName());

    private final ConnectionFactory connections;
    private final Consumer<String> notifier;
    private volatile boolean closed;
    private volatile Thread listening;

    /**
     * @param connections opens the listening connection
     * @param notifier sends one payload on {@link SessionSql#CHANNEL}; throws when the store cannot
     */
    PostgresEndedSessionsChannel(ConnectionFactory connections, Consumer<String> notifier) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    @Override
    public void publish(Collection<SessionId> ended) {
        for (String payload : payloads(ended)) {
            try {
                notifier.accept(payload);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not announce " + ended.size() + " ended sessions to "
                        + "other nodes; they refuse them within revocation-latency anyway: "
                        + CredentialRedactor.redactText(e.getMessage()));
                return;
            }
        }
    }

    static List<String> payloads(Collection<SessionId> ids) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (SessionId id : ids) {
            if (payload.length() + id.value().length() + 1 > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (payload.length() > 0) {
                payload.append(',');
            }
            payload.append(id.value());
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    static List<SessionId> parse(String payload) {
        return Arrays.stream(payload.split(",")).map(SessionId::parse).flatMap(Optional::stream).toList();
    }

    @Override
    public synchronized void listen(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listening != null) {
            throw new IllegalStateException("already listening");
        }
        Thread thread = new Thread(() -> run(listener), "sessionkit-ended-sessions");
        thread.setDaemon(true);
        listening = thread;
        thread.start();
    }

    private void run(Listener listener) {
        long retryMillis = 250;
        boolean warned = false;
        while (!closed) {
            try (Connection connection = connections.open()) {
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
                poll(connection, postgres, listener);
            } catch (SQLException | RuntimeException e) {
                listener.missedSome();
                if (!closed && !warned) {
                    LOG.log(System.Logger.Level.WARNING, "Lost the connection that hears sessions ended on other "
                            + "nodes; retrying. Until then they are refused within revocation-latency: "
                            + CredentialRedactor.redactText(e.getMessage()));
                    warned = true;
                }
            } catch (LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "The PostgreSQL driver's notification API is not visible to "
                        + "Sessionkit (" + e + "); sessions ended on other nodes are refused within "
                        + "revocation-latency, not at once");
                return;
            }
            pause(retryMillis);
            retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
        }
    }

    private void poll(Connection connection, PGConnection postgres, Listener listener) throws SQLException {
        int polls = 0;
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    listener.ended(parse(notification.getParameter()));
                }
            }
            if (++polls % POLLS_PER_PING == 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(SessionSql.POLL);
                }
            }
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
                thread.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
