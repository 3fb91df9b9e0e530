package org.cortexj.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every case of a folder of reference files and prints a report.
 *
 * <p>The report has one {@code FAIL} line per failing case and precision (the worst tensor, its
 * error and the tolerance, or the exception a handler threw), one {@code error:} line per file that
 * could not be read, one {@code skipped} line per op and reason, and last the summary line
 * {@code N passed, N failed, N skipped} (see {@link RunSummary} for how cases are counted). Cases
 * are dispatched on their {@code op} through the {@link HandlerRegistry}; a malformed file is
 * reported and the other files still run.
 */
public final class ConformanceRunner {

    /** Skip reason for an op that no handler is registered for. */
    public static final String NOT_IMPLEMENTED = "not implemented yet";

    /** Skip reason for a case whose op has handlers that all decline its attributes. */
    public static final String UNSUPPORTED_ATTRIBUTES = "no handler supports these attributes";

    private static final Logger LOG = Logger.getLogger(ConformanceRunner.class.getName());

    private final HandlerRegistry registry;
    private final PrintStream report;

    /**
     * @param registry handlers to dispatch to
     * @param report where the report lines go
     */
    public ConformanceRunner(HandlerRegistry registry, PrintStream report) {
        this.registry = registry;
        this.report = report;
    }

    /**
     * Runs every {@code *.json} file directly inside {@code target} (or {@code target} itself when
     * it is a file) at each of {@code precisions}, float32 before float64, and prints the report.
     * Files run in name order, cases in file order.
     *
     * @throws NoSuchFileException if {@code target} does not exist
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if {@code precisions} is empty
     */
    public RunSummary run(Path target, Set<Precision> precisions) throws IOException {
        if (precisions.isEmpty()) {
            throw new IllegalArgumentException("ConformanceRunner.run: give at least one precision");
        }
        if (!Files.exists(target)) {
            throw new NoSuchFileException(target.toString(), null, "no such file or folder");
        }
        List<Path> files = Files.isRegularFile(target) ? List.of(target)
                : ReferenceLoader.listJsonFiles(target);
        RunTally tally = new RunTally();
        if (files.isEmpty()) {
            report.println("error: " + target + ": folder contains no *.json files");
            tally.fileError();
        }
        for (Path file : files) {
            runFile(file, precisions, tally);
        }
        tally.printEnd(report);
        return tally.summary();
    }

    private void runFile(Path file, Set<Precision> precisions, RunTally tally) {
        Optional<ReferenceFile> loaded;
        try {
            loaded = ReferenceLoader.loadIfVectorFile(file);
        } catch (ReferenceFormatException e) {
            report.println("error: " + e.getMessage());
            tally.fileError();
            return;
        } catch (IOException e) {
            report.println("error: " + file.getFileName() + ": cannot be read: " + e);
            tally.fileError();
            return;
        }
        if (loaded.isEmpty()) {
            LOG.info(() -> file.getFileName() + ": ignored, not a reference vector file "
                    + "(it has neither \"cases\" nor \"family\")");
            return;
        }
        LOG.fine(() -> "read " + loaded.get());
        for (ReferenceCase referenceCase : loaded.get().cases()) {
            runCase(referenceCase, precisions, tally);
        }
    }

    private void runCase(ReferenceCase referenceCase, Set<Precision> precisions, RunTally tally) {
        Optional<CaseHandler> handler;
        try {
            handler = registry.find(referenceCase);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "supports() threw for " + referenceCase, e);
            printFailure(referenceCase, "supports() threw " + describe(e));
            tally.failed();
            return;
        }
        if (handler.isEmpty()) {
            boolean known = registry.hasOp(referenceCase.op());
            String reason = known ? UNSUPPORTED_ATTRIBUTES : NOT_IMPLEMENTED;
            tally.skipped(referenceCase.op(), reason);
            return;
        }
        Map<Precision, CaseResult> results = new EnumMap<>(Precision.class);
        for (Precision precision : Precision.values()) {
            if (precisions.contains(precision)) {
                results.put(precision, runOnce(handler.get(), referenceCase, precision));
            }
        }
        tallyCase(referenceCase, results, tally);
    }

    private CaseResult runOnce(CaseHandler handler, ReferenceCase referenceCase, Precision precision) {
        try {
            CaseResult result = handler.run(referenceCase, precision);
            if (result == null) {
                return CaseResult.failed(handler.getClass().getName() + ".run returned null");
            }
            return result;
        } catch (Exception | AssertionError e) {
            LOG.log(Level.FINE, referenceCase + " [" + precision + "] threw", e);
            return CaseResult.failed(describe(e));
        }
    }

    /** Prints the failures of one case and counts it. */
    private void tallyCase(ReferenceCase referenceCase, Map<Precision, CaseResult> results,
            RunTally tally) {
        boolean anyFailed = false;
        boolean anyPassed = false;
        for (Map.Entry<Precision, CaseResult> entry : results.entrySet()) {
            CaseResult result = entry.getValue();
            logUnchecked(referenceCase, entry.getKey(), result);
            if (result.status() == CaseResult.Status.FAILED) {
                printFailure(referenceCase, entry.getKey(), result);
                anyFailed = true;
            }
            anyPassed |= result.status() == CaseResult.Status.PASSED;
        }
        if (anyFailed) {
            tally.failed();
        } else if (anyPassed) {
            tally.passed();
            recordPartialSkips(referenceCase, results, tally);
        } else {
            tally.skipped(referenceCase.op(), distinctReasons(results));
        }
    }

    private static void recordPartialSkips(ReferenceCase referenceCase,
            Map<Precision, CaseResult> results, RunTally tally) {
        results.forEach((precision, result) -> {
            if (result.status() == CaseResult.Status.SKIPPED) {
                tally.skippedAt(referenceCase.op(), precision, result.message());
            }
        });
    }

    private static String distinctReasons(Map<Precision, CaseResult> results) {
        return String.join("; ", results.values().stream().map(CaseResult::message).distinct().toList());
    }

    private void printFailure(ReferenceCase referenceCase, Precision precision, CaseResult result) {
        String detail = result.worstFailure().map(worst -> worst.describe() + alsoFailed(result))
                .orElse(result.message());
        report.println("FAIL " + referenceCase.name() + " [" + precision + "] ("
                + referenceCase.source() + "): " + detail);
    }

    private void printFailure(ReferenceCase referenceCase, String detail) {
        report.println("FAIL " + referenceCase.name() + " (" + referenceCase.source() + "): " + detail);
    }

    private static String alsoFailed(CaseResult result) {
        List<Comparison> failures = result.failures();
        if (failures.size() < 2) {
            return "";
        }
        List<String> others = failures.subList(1, failures.size()).stream()
                .map(Comparison::label).toList();
        return "; also outside tolerance: " + String.join(", ", others);
    }

    private static void logUnchecked(ReferenceCase referenceCase, Precision precision,
            CaseResult result) {
        if (!result.unchecked().isEmpty()) {
            LOG.fine(() -> referenceCase.name() + " [" + precision + "]: reference tensors not "
                    + "compared: " + result.unchecked());
        }
    }

    /** Exception type and message on one line. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        return type + ": " + message.replaceAll("\\s*\\R\\s*", " ");
    }
}
