/**
 * The request path's shortcuts in front of a {@link dev.sessionkit.store.SessionStore}: a validation cache bounded
 * by {@code revocation-latency}, and activity writes coalesced per session and flushed in batches.
 */
package dev.sessionkit.store.cache;
