package dev.sessionkit.cli;

import dev.sessionkit.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin commands on a real PostgreSQL server, tables created from schema-postgresql.sql. */
@ExtendWith(PostgresServer.Resolver.class)
class AdminCommandsPostgresIT extends AdminCommandsContract {

    private PostgresServer server;

    @BeforeAll
    void startServer(PostgresServer shared) {
        server = shared;
    }

    @Override
    protected String newDatabase() {
        return server.newDatabase();
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Override
    protected String database() {
        return "postgresql";
    }
}
