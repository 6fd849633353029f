/**
 * The JSON shapes of the REST API, as records: what clients see, never the stored entities, never a token or a
 * token hash. Times are ISO-8601 strings in UTC, so any JSON provider (Jackson, JSON-B) renders them the same.
 */
package dev.sessionkit.jaxrs.json;
