package dev.sessionkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.DataSourceNotFoundException;
import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.StoreUnreachableException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each way start-up fails before any request has its own type, so a caller acts on the type, not the key. */
class StartupFailureTypesTest {

    @Test
    void buildWhenTablesMissingThenSchemaIncompleteNamingWhatAndTheScript() {
        SessionkitSettings settings = SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();

        SchemaIncompleteException e = assertThrows(SchemaIncompleteException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("schema", e.key());
        assertTrue(e.missing().contains("table sessionkit_session"), e.missing().toString());
        assertEquals("/dev/sessionkit/store/jpa/schema-h2.sql", e.script());
        assertTrue(e.getMessage().contains(e.script()), e.getMessage());
    }

    @Test
    void buildWhenDatabaseRefusesConnectionsThenStoreUnreachable() {
        SessionkitSettings settings = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/sessions?connectTimeout=2").build();

        StoreUnreachableException e = assertThrows(StoreUnreachableException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("jdbc-url", e.key());
        assertTrue(e.getMessage().startsWith("Cannot connect to the session database"), e.getMessage());
    }

    @Test
    void buildWhenDatasourceNotInJndiThenDataSourceNotFound() {
        SessionkitSettings settings = SessionkitSettings.builder().datasource("jdbc/sessions").build();

        DataSourceNotFoundException e = assertThrows(DataSourceNotFoundException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("datasource", e.key());
        assertEquals("jdbc/sessions", e.jndiName());
    }
}
