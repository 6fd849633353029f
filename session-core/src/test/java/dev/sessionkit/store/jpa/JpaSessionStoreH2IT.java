package dev.sessionkit.store.jpa;

import java.util.UUID;

/** The store contract on embedded H2, tables created from schema-h2.sql. */
class JpaSessionStoreH2IT extends JpaStoreContract {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    protected String jdbcUrl() {
        return url;
    }

    @Override
    protected String user() {
        return "sa";
    }
}
