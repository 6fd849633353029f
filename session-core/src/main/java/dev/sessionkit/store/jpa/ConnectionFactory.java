package dev.sessionkit.store.jpa;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection of its own to the session database, outside EclipseLink's pool. */
@FunctionalInterface
interface ConnectionFactory {

    /** Opens a new connection; the caller closes it. */
    Connection open() throws SQLException;
}
