/**
 * Session tokens: the 256-bit secrets browsers present, and their SHA-256 hashes, which are all the store keeps.
 * A {@link dev.sessionkit.token.SessionToken} never prints itself; only
 * {@link dev.sessionkit.token.SessionToken#reveal()} gives the value, for writing the cookie.
 */
package dev.sessionkit.token;
