package org.cortexj.conformance;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Outcome of running one case at one precision: passed, failed or skipped, with the tensor
 * comparisons behind it.
 */
public final class CaseResult {

    /** Outcome kinds. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    private final Status status;
    private final List<Comparison> comparisons;
    private final String message;
    private final List<String> unchecked;

    private CaseResult(Status status, List<Comparison> comparisons, String message,
            List<String> unchecked) {
        this.status = status;
        this.comparisons = List.copyOf(comparisons);
        this.message = message;
        this.unchecked = List.copyOf(unchecked);
    }

    /**
     * Passed when every comparison passed, failed otherwise. A result with no comparisons fails,
     * because a handler that compared nothing has not checked the case.
     *
     * @param unchecked labels of reference tensors that no comparison covered, such as
     *     {@code outputs.indices}; reported at the FINE log level, they do not fail the case
     */
    public static CaseResult of(List<Comparison> comparisons, List<String> unchecked) {
        if (comparisons.isEmpty()) {
            return new CaseResult(Status.FAILED, comparisons,
                    "the handler compared no tensor with the reference", unchecked);
        }
        boolean passed = comparisons.stream().allMatch(Comparison::passed);
        return new CaseResult(passed ? Status.PASSED : Status.FAILED, comparisons, "", unchecked);
    }

    /** A failure that is not a tensor comparison, such as an invariant the handler checked. */
    public static CaseResult failed(String message) {
        return new CaseResult(Status.FAILED, List.of(), message, List.of());
    }

    /**
     * A case the handler cannot run at this precision, such as an op not yet built for float32.
     * The reason is printed once for all cases of the op that share it.
     */
    public static CaseResult skipped(String reason) {
        return new CaseResult(Status.SKIPPED, List.of(), reason, List.of());
    }

    public Status status() {
        return status;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    /** Failure or skip reason; empty when the outcome comes from the comparisons alone. */
    public String message() {
        return message;
    }

    /** Labels of reference tensors the handler did not compare. */
    public List<String> unchecked() {
        return unchecked;
    }

    /** Failed comparisons, worst first (by error as a multiple of the allowed error). */
    public List<Comparison> failures() {
        return comparisons.stream()
                .filter(comparison -> !comparison.passed())
                .sorted(Comparator.comparingDouble(Comparison::worstRatio).reversed())
                .toList();
    }

    /** Returns the failed comparison with the largest error relative to its tolerance. */
    public Optional<Comparison> worstFailure() {
        List<Comparison> failures = failures();
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }

    @Override
    public String toString() {
        return status + (message.isEmpty() ? "" : ": " + message) + " " + comparisons;
    }
}
