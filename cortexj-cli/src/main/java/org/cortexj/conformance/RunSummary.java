package org.cortexj.conformance;

/**
 * Counts of a conformance run. Cases are counted once however many precisions ran: a case fails
 * when it failed at any precision, passes when it passed at one or more and failed at none, and is
 * skipped when it ran at none.
 *
 * @param passed cases that passed
 * @param failed cases that failed, including those whose handler threw
 * @param skipped cases with no handler, or that every handler run skipped
 * @param fileErrors files that could not be read or broke the format; their cases are not counted
 */
public record RunSummary(int passed, int failed, int skipped, int fileErrors) {

    /** Process exit status: 2 when a file could not be read, else 1 when a case failed, else 0. */
    public int exitCode() {
        if (fileErrors > 0) {
            return 2;
        }
        return failed > 0 ? 1 : 0;
    }

    /** Formats the report's last line, such as {@code 12 passed, 1 failed, 4 skipped}. */
    public String summaryLine() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
