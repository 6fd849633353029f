package dev.sessionkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback to a database that can go silent: after {@link #freeze()} it forwards nothing in either
 * direction and closes nothing, like a cable cut between two hosts that neither side notices.
 */
public final class FreezableRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FreezableRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "relay-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * Starts relaying to a port on loopback.
     *
     * @param targetPort where the database listens
     * @return the running relay
     */
    public static FreezableRelay to(int targetPort) {
        try {
            return new FreezableRelay(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the port clients connect to} */
    public int port() {
        return listener.getLocalPort();
    }

    /** Stops forwarding bytes, for good, without closing anything. */
    public void freeze() {
        frozen = true;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (frozen && !closed) {
                        Thread.sleep(50);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side went away or the relay closed: this direction is over.
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the address clients connect to} */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }
}
