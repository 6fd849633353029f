package dev.sessionkit.jaxrs.json;

/**
 * How many sessions are active.
 *
 * @param active the count
 */
public record CountJson(long active) {
}
