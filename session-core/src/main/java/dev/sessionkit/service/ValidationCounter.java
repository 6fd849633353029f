package dev.sessionkit.service;

/** Hears the outcome of every validation, for metrics. Called on the request thread: keep it to a counter. */
@FunctionalInterface
public interface ValidationCounter {

    /** Counts nothing. */
    ValidationCounter NONE = result -> { };

    /**
     * Hears one validation's outcome.
     *
     * @param result valid, or invalid with its reason
     */
    void validated(ValidationResult result);
}
