package dev.sessionkit.cli;

import java.util.UUID;

/** The read commands on embedded H2 in memory, tables created from schema-h2.sql. */
class ReadCommandsH2IT extends ReadCommandsContract {

    @Override
    protected String newDatabase() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected String user() {
        return "sa";
    }

    @Override
    protected String database() {
        return "h2";
    }
}
