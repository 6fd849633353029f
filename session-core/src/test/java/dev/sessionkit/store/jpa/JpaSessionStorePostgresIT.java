package dev.sessionkit.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaMode;

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
    void openWhenTablesMissingThenFailsNamingThePostgresqlScript() {
        String empty = server.newDatabase();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> JpaSessionStores.open(empty, "postgres", "", SchemaMode.VALIDATE));

        assertEquals("schema", e.key());
        assertTrue(e.getMessage().contains("/dev/sessionkit/store/jpa/schema-postgresql.sql"), e.getMessage());
    }

    @Test
    void schemaCreateIsIdempotentAcrossRestarts() {
        String database = server.newDatabase();
        JpaSessionStores.open(database, "postgres", "", SchemaMode.CREATE).close();
        JpaSessionStores.open(database, "postgres", "", SchemaMode.CREATE).close();
        JpaSessionStores.open(database, "postgres", "", SchemaMode.VALIDATE).close();
    }

    @Test
    void runsOnARealPostgresqlServer() {
        assertTrue(server.version().startsWith("PostgreSQL "), server.version());
    }
}
