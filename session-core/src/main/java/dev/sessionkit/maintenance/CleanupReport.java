package dev.sessionkit.maintenance;

/**
 * What one cleanup run did.
 *
 * @param ran false when another node held the cleanup lease, so this node did nothing
 * @param ended expired sessions ended
 * @param purged ended sessions deleted after the history retention period
 * @param complete false when the run stopped at its batch budget with work left for the next run
 */
public record CleanupReport(boolean ran, int ended, int purged, boolean complete) {

    /**
     * Returns the report of a run skipped because another node is cleaning.
     *
     * @return a report with nothing done
     */
    public static CleanupReport skipped() {
        return new CleanupReport(false, 0, 0, true);
    }
}
