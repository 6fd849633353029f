/**
 * Sessionkit core: server-side login sessions that every request is validated against and that users and
 * operators can list and end.
 *
 * <p>Start from {@link dev.sessionkit.Sessionkit}, which builds the services from
 * {@link dev.sessionkit.config.SessionkitSettings}. Writes go through {@link dev.sessionkit.service.SessionService},
 * reads through {@link dev.sessionkit.service.SessionQueries}; both sit on the {@link dev.sessionkit.store.SessionStore}
 * SPI, implemented by an in-memory store and a JPA (EclipseLink) store.
 */
package dev.sessionkit;
