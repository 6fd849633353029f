/**
 * The in-memory {@link dev.sessionkit.store.SessionStore}: same contract as the database store, for tests and
 * single-node demos.
 */
package dev.sessionkit.store.memory;
