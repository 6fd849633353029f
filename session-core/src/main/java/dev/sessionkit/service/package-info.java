/**
 * The session services: {@link dev.sessionkit.service.SessionService} for every change (login, validate, logout,
 * revoke, rotate) and {@link dev.sessionkit.service.SessionQueries} for every read (devices, history, analytics,
 * statistics). Both take an injected {@link java.time.Clock}; listeners hear sessions start and end.
 */
package dev.sessionkit.service;
