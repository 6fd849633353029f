package dev.sessionkit.servlet.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a real DataSource and records the SQL of every statement executed through it, so tests can count what a
 * request costs the database.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final List<String> executed = new CopyOnWriteArrayList<>();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** SQL of every statement executed since the last {@link #reset()}, in order. */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    public void reset() {
        executed.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                return wrapPrepared(statement, sql);
            }
            if (result instanceof Statement statement) {
                return wrapPlain(statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Statement wrapPrepared(Statement statement, String sql) {
        Class<?>[] interfaces = statement instanceof java.sql.CallableStatement
                ? new Class<?>[] {java.sql.CallableStatement.class}
                : new Class<?>[] {java.sql.PreparedStatement.class};
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(sql);
            }
            return invoke(statement, method, args);
        });
    }

    private Statement wrapPlain(Statement statement) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        executed.add(sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
