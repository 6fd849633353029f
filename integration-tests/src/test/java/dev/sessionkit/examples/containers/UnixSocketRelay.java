package dev.sessionkit.examples.containers;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries TCP connections across a network-namespace boundary through a Unix domain socket, which lives in the
 * file system and so is reachable from both sides. Two halves:
 * <ul>
 *   <li>{@link #main} runs <em>inside</em> the private namespace as its own small JVM: it listens on the socket
 *   file and connects each client to {@code 127.0.0.1:port} there (the server's loopback);</li>
 *   <li>{@link #loopbackToSocket} runs in the test JVM: it listens on {@code 127.0.0.1} (ours) on a free port and
 *   connects each client to the socket file.</li>
 * </ul>
 * So an HTTP client in the test reaches a server that is only on the namespace's own loopback, and no other
 * interface is involved on either side. JDK classes only: the inner half runs with nothing but test-classes on its
 * class path.
 */
public final class UnixSocketRelay implements Closeable {

    private static final int BUFFER = 32 * 1024;

    private final ServerSocketChannel server;
    private final Thread acceptor;

    private UnixSocketRelay(ServerSocketChannel server, Thread acceptor) {
        this.server = server;
        this.acceptor = acceptor;
    }

    /**
     * The inner half: {@code UnixSocketRelay <socket file> <port>}. Exits when its parent process (the server it
     * was started next to) is gone, so it never outlives it.
     *
     * @param args the socket file to create and the TCP port on this namespace's 127.0.0.1
     * @throws Exception if the socket cannot be bound
     */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[1]));
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Files.deleteIfExists(socket);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        Thread accept = acceptLoop(listener, () -> SocketChannel.open(target));
        accept.setDaemon(true);
        accept.start();
        while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parent) {
            Thread.sleep(500);
        }
        listener.close();
        Files.deleteIfExists(socket);
        System.exit(0);
    }

    /**
     * The outer half: listens on 127.0.0.1 and forwards to the socket file.
     *
     * @param socket the socket file the inner half binds (it may appear later; until then connections are closed)
     * @return the running relay; {@link #port()} is where to connect
     * @throws IOException if no loopback port can be bound
     */
    static UnixSocketRelay loopbackToSocket(Path socket) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        Thread accept = acceptLoop(listener,
                () -> SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        accept.setDaemon(true);
        accept.start();
        return new UnixSocketRelay(listener, accept);
    }

    /**
     * Returns the loopback port of the outer half.
     *
     * @return the port on 127.0.0.1
     */
    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    private interface Connector {
        SocketChannel connect() throws IOException;
    }

    private static Thread acceptLoop(ServerSocketChannel listener, Connector connector) {
        return new Thread(() -> {
            while (listener.isOpen()) {
                SocketChannel client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed
                }
                SocketChannel upstream;
                try {
                    upstream = connector.connect();
                } catch (IOException e) {
                    closeQuietly(client); // the other side is not up yet: the client sees a closed connection
                    continue;
                }
                pipe(client, upstream);
            }
        }, "relay-accept");
    }

    private static void pipe(SocketChannel a, SocketChannel b) {
        AtomicInteger running = new AtomicInteger(2);
        Runnable done = () -> {
            if (running.decrementAndGet() == 0) {
                closeQuietly(a);
                closeQuietly(b);
            }
        };
        start(() -> copy(a, b, done));
        start(() -> copy(b, a, done));
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "relay-copy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void copy(SocketChannel from, SocketChannel to, Runnable done) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        } finally {
            done.run();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
