package dev.sessionkit.jaxrs.json;

/**
 * How many sessions a call ended.
 *
 * @param ended the count
 */
public record EndedJson(long ended) {
}
