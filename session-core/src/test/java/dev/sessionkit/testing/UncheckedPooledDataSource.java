package dev.sessionkit.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A container-style connection pool that never checks a connection (as Tomcat's and GlassFish's pools do unless
 * told to): it hands out the most recently returned one, and keeps every connection handed back unless it is closed.
 * Connections cut by a database restart therefore stay in it until someone uses them.
 */
public final class UncheckedPooledDataSource implements DataSource {

    private final String url;
    private final String user;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final AtomicInteger opened = new AtomicInteger();

    /**
     * @param url the JDBC URL
     * @param user the database user (no password)
     */
    public UncheckedPooledDataSource(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** {@return how many physical connections were opened so far} */
    public int opened() {
        return opened.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical;
        synchronized (idle) {
            physical = idle.pollFirst();
        }
        if (physical == null) {
            physical = DriverManager.getConnection(url, user, "");
            opened.incrementAndGet();
        }
        return handle(physical);
    }

    private Connection handle(Connection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        giveBack(physical);
                        return null;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection physical) throws SQLException {
        if (physical.isClosed()) {
            return;
        }
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        synchronized (idle) {
            idle.addFirst(physical);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: nothing here logs
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // DriverManager's login timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.sessionkit.testing");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
