/** Sessionkit's one JSON writer, for the command line's output and every problem-details answer. */
package dev.sessionkit.json;
