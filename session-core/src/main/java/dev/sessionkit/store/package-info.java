/**
 * The storage SPI: {@link dev.sessionkit.store.SessionStore}, the record of truth (eleven intent-named, conditional
 * operations), and the capabilities a store may offer next to it: {@link dev.sessionkit.store.SessionReports}
 * (aggregates), {@link dev.sessionkit.store.LeaseStore} (one node at a time runs cleanup) and
 * {@link dev.sessionkit.store.EndedSessionsChannels} (other nodes hear of ends at once). Implementations: an
 * in-memory store for tests and demos, and a JPA (EclipseLink) store for H2, PostgreSQL and MySQL/MariaDB; the
 * contract suites in {@code session-testing} check any other. A store never holds a token, only its hash.
 */
package dev.sessionkit.store;
