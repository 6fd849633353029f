/**
 * Background upkeep that owns no thread: {@link dev.sessionkit.maintenance.SessionCleanup} ends expired sessions
 * and purges old history in bounded batches, one node at a time.
 */
package dev.sessionkit.maintenance;
