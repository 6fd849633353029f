/**
 * The database {@link dev.sessionkit.store.SessionStore} on JPA (EclipseLink), for H2, PostgreSQL and
 * MySQL/MariaDB. Open it with {@link dev.sessionkit.store.jpa.JpaSessionStores}; the tables come from the shipped
 * scripts ({@link dev.sessionkit.store.jpa.SchemaScripts}), never from JPA's DDL generation.
 */
package dev.sessionkit.store.jpa;
