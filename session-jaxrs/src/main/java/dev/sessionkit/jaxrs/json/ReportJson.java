package dev.sessionkit.jaxrs.json;

import dev.sessionkit.security.SignInReports;
import java.util.Locale;

/**
 * The answer to "this wasn't me".
 *
 * @param outcome {@code reported} when this call recorded the report, {@code already-reported} when one was made
 *     before (nothing more happened)
 * @param ended how many sessions this call ended
 */
public record ReportJson(String outcome, int ended) {

    /**
     * Shapes a report's result for the API.
     *
     * @param result the result, reported or already reported
     * @return the JSON shape
     */
    public static ReportJson of(SignInReports.Result result) {
        return new ReportJson(result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), result.ended());
    }
}
