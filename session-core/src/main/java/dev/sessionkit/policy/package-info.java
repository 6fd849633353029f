/**
 * Session policies as pure values: expiry (idle, absolute, touch throttle) and the per-user session limit.
 * They take the current instant as an argument and never read a clock themselves.
 */
package dev.sessionkit.policy;
