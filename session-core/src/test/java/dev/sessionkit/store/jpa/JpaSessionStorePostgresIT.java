package dev.sessionkit.store.jpa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a real PostgreSQL server, tables created from schema-postgresql.sql. */
@ExtendWith(PostgresServer.Resolver.class)
class JpaSessionStorePostgresIT extends JpaStoreContract {

    private PostgresServer server;
    private String url;

    @BeforeAll
    void startServer(PostgresServer shared) {
        server = shared;
        url = server.newDatabase();
    }

    @Override
    protected String jdbcUrl() {
        return url;
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Test
    void runsOnARealPostgresqlServer() {
        assertTrue(server.version().startsWith("PostgreSQL "), server.version());
    }
}
