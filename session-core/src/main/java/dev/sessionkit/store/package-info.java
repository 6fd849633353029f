/**
 * The storage SPI: {@link dev.sessionkit.store.SessionStore}, the record of truth, and
 * {@link dev.sessionkit.store.SessionReports}, its aggregates. Implementations: an in-memory store for tests and
 * demos, and a JPA (EclipseLink) store for H2, PostgreSQL and MySQL/MariaDB. A store never holds a token, only
 * its hash.
 */
package dev.sessionkit.store;
