package org.cortexj.conformance;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running counts of a conformance run, and the skipped cases grouped by op and reason. */
final class RunTally {

    private int passed;
    private int failed;
    private int skipped;
    private int fileErrors;
    private final Map<String, SkipGroup> skipGroups = new LinkedHashMap<>();

    /** Skipped cases that share op, precision scope and reason. */
    private static final class SkipGroup {
        final String op;
        final String scope;
        final String reason;
        int count;

        SkipGroup(String op, String scope, String reason) {
            this.op = op;
            this.scope = scope;
            this.reason = reason;
        }
    }

    void passed() {
        passed++;
    }

    void failed() {
        failed++;
    }

    void fileError() {
        fileErrors++;
    }

    /** Records a case that ran at no precision. */
    void skipped(String op, String reason) {
        skipped++;
        group(op, "", reason).count++;
    }

    /** Records a case skipped at one precision that ran at another; the summary does not count it. */
    void skippedAt(String op, Precision precision, String reason) {
        group(op, " at " + precision + " only", reason).count++;
    }

    /** Prints one line per skip group, then the summary line. */
    void printEnd(PrintStream report) {
        for (SkipGroup group : skipGroups.values()) {
            String cases = group.count == 1 ? "1 case" : group.count + " cases";
            report.println("skipped " + group.op + group.scope + " (" + cases + "): " + group.reason);
        }
        if (fileErrors > 0) {
            String files = fileErrors == 1 ? "1 file" : fileErrors + " files";
            report.println(files + " could not be read; see the error lines above");
        }
        report.println(summary().summaryLine());
    }

    RunSummary summary() {
        return new RunSummary(passed, failed, skipped, fileErrors);
    }

    private SkipGroup group(String op, String scope, String reason) {
        String key = op + '\u0000' + scope + '\u0000' + reason;
        return skipGroups.computeIfAbsent(key, k -> new SkipGroup(op, scope, reason));
    }
}
