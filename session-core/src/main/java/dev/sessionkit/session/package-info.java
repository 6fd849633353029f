/**
 * The session record and its parts: public id, owner, status, end reasons, client and device details.
 * All types are immutable values.
 */
package dev.sessionkit.session;
