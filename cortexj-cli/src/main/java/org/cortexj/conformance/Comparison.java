package org.cortexj.conformance;

import java.util.Arrays;
import java.util.Locale;

/**
 * Result of comparing one computed tensor with its reference under a {@link Tolerance}.
 *
 * <p>The worst element is the one with the largest ratio of error to allowed error; a non-finite
 * mismatch has ratio infinity. When every element passes, the worst element shows how much
 * headroom is left. A tensor with no elements passes and has no worst element (index -1).
 */
public final class Comparison {

    private final String label;
    private final Tolerance tolerance;
    private final int[] expectedShape;
    private final int[] gotShape;
    private final int elementCount;
    private final int failedCount;
    private final int worstIndex;
    private final double worstGot;
    private final double worstExpected;
    private final double worstError;
    private final double worstRatio;
    private final double worstAllowed;
    private final double maxAbsExpected;

    Comparison(String label, Tolerance tolerance, int[] expectedShape, int[] gotShape,
            int elementCount, int failedCount, int worstIndex, double worstGot,
            double worstExpected, double worstError, double worstRatio, double worstAllowed,
            double maxAbsExpected) {
        this.label = label;
        this.tolerance = tolerance;
        this.expectedShape = expectedShape.clone();
        this.gotShape = gotShape.clone();
        this.elementCount = elementCount;
        this.failedCount = failedCount;
        this.worstIndex = worstIndex;
        this.worstGot = worstGot;
        this.worstExpected = worstExpected;
        this.worstError = worstError;
        this.worstRatio = worstRatio;
        this.worstAllowed = worstAllowed;
        this.maxAbsExpected = maxAbsExpected;
    }

    static Comparison shapeMismatch(String label, Tolerance tolerance, int[] expectedShape,
            int[] gotShape) {
        return new Comparison(label, tolerance, expectedShape, gotShape, 0, 0, -1, Double.NaN,
                Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0);
    }

    /** Returns whether the shapes are equal and every element is within tolerance. */
    public boolean passed() {
        return shapeMatches() && failedCount == 0;
    }

    public boolean shapeMatches() {
        return Arrays.equals(expectedShape, gotShape);
    }

    /** Name of the compared tensor, such as {@code grads.x}. */
    public String label() {
        return label;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    public int[] expectedShape() {
        return expectedShape.clone();
    }

    public int[] gotShape() {
        return gotShape.clone();
    }

    /** Number of elements outside tolerance; 0 when the shapes differ. */
    public int failedCount() {
        return failedCount;
    }

    /** Row-major flat index of the worst element, or -1 when none was compared. */
    public int worstIndex() {
        return worstIndex;
    }

    public double worstGot() {
        return worstGot;
    }

    public double worstExpected() {
        return worstExpected;
    }

    /** {@code |got - expected|} at the worst element (infinite for a shape or non-finite mismatch). */
    public double worstError() {
        return worstError;
    }

    /**
     * Largest error as a multiple of the allowed error: at most 1 when the tensor passes, infinite
     * for a shape or non-finite mismatch.
     */
    public double worstRatio() {
        return worstRatio;
    }

    /** Allowed error at the worst element: {@code rtol * |expected| + atol * max|expected|}. */
    public double worstAllowed() {
        return worstAllowed;
    }

    /** Largest finite {@code |expected|} of the tensor, the scale of {@code atol}. */
    public double maxAbsExpected() {
        return maxAbsExpected;
    }

    /**
     * Describes the comparison in one report line: what failed, the worst element, its error and
     * the tolerance.
     */
    public String describe() {
        if (!shapeMatches()) {
            return label + ": shape " + Arrays.toString(gotShape) + " differs from expected shape "
                    + Arrays.toString(expectedShape);
        }
        if (worstIndex < 0) {
            return label + ": no elements, shape " + Arrays.toString(expectedShape);
        }
        String outcome = failedCount == 0
                ? "within tolerance"
                : failedCount + " of " + elementCount + " values outside tolerance";
        return label + ": " + outcome + "; worst at flat index " + worstIndex + ": got "
                + number(worstGot) + ", expected " + number(worstExpected) + ", " + errorText();
    }

    private String errorText() {
        if (!Double.isFinite(worstExpected) || !Double.isFinite(worstGot)) {
            return "non-finite values must match exactly";
        }
        return String.format(Locale.ROOT, "error %.3g = %.3g x allowed %.3g (%s x max|expected| %s)",
                worstError, worstRatio, worstAllowed, tolerance, number(maxAbsExpected));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
