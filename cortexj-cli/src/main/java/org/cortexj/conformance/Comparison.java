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

    /**
     * Worst element of a comparison.
     *
     * @param index row-major flat index, or -1 when no element was compared
     * @param got computed value
     * @param expected reference value
     * @param error {@code |got - expected|}
     * @param ratio error as a multiple of the allowed error
     * @param allowed allowed error at this element
     */
    record Worst(int index, double got, double expected, double error, double ratio,
            double allowed) {

        static final Worst NONE = new Worst(-1, Double.NaN, Double.NaN, 0, 0, 0);

        /** The worst element of a comparison that could not look at elements at all. */
        static final Worst UNCOMPARABLE = new Worst(-1, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
    }

    private final String label;
    private final Tolerance tolerance;
    private final int[] expectedShape;
    private final int[] gotShape;
    private final int elementCount;
    private final int failedCount;
    private final Worst worst;
    private final double maxAbsExpected;

    /**
     * @param gotShape shape of the computed tensor, or {@code null} when the library produced none
     */
    Comparison(String label, Tolerance tolerance, int[] expectedShape, int[] gotShape,
            int elementCount, int failedCount, Worst worst, double maxAbsExpected) {
        this.label = label;
        this.tolerance = tolerance;
        this.expectedShape = expectedShape.clone();
        this.gotShape = gotShape == null ? null : gotShape.clone();
        this.elementCount = elementCount;
        this.failedCount = failedCount;
        this.worst = worst;
        this.maxAbsExpected = maxAbsExpected;
    }

    static Comparison shapeMismatch(String label, Tolerance tolerance, int[] expectedShape,
            int[] gotShape) {
        return new Comparison(label, tolerance, expectedShape, gotShape, 0, 0, Worst.UNCOMPARABLE,
                0);
    }

    /** Creates a comparison that fails because the library produced no tensor, such as a gradient. */
    static Comparison missing(String label, Tolerance tolerance, int[] expectedShape) {
        return new Comparison(label, tolerance, expectedShape, null, 0, 0, Worst.UNCOMPARABLE, 0);
    }

    /**
     * Returns whether a tensor was computed, the shapes are equal and every element is within
     * tolerance.
     */
    public boolean passed() {
        return shapeMatches() && failedCount == 0;
    }

    /** Returns whether a tensor was computed and its shape equals the reference shape. */
    public boolean shapeMatches() {
        return gotShape != null && Arrays.equals(expectedShape, gotShape);
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

    /** Shape of the computed tensor, or {@code null} when the library produced none. */
    public int[] gotShape() {
        return gotShape == null ? null : gotShape.clone();
    }

    /** Number of elements outside tolerance; 0 when no element could be compared. */
    public int failedCount() {
        return failedCount;
    }

    /** Row-major flat index of the worst element, or -1 when none was compared. */
    public int worstIndex() {
        return worst.index();
    }

    public double worstGot() {
        return worst.got();
    }

    public double worstExpected() {
        return worst.expected();
    }

    /** {@code |got - expected|} at the worst element; infinite when no element could be compared. */
    public double worstError() {
        return worst.error();
    }

    /**
     * Returns the largest error as a multiple of the allowed error: at most 1 when the tensor
     * passes, infinite for a non-finite mismatch or when no element could be compared.
     */
    public double worstRatio() {
        return worst.ratio();
    }

    /** Allowed error at the worst element: {@code rtol * |expected| + atol * max|expected|}. */
    public double worstAllowed() {
        return worst.allowed();
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
        if (gotShape == null) {
            return label + ": missing, the library computed no tensor; expected shape "
                    + Arrays.toString(expectedShape);
        }
        if (!shapeMatches()) {
            return label + ": shape " + Arrays.toString(gotShape) + " differs from expected shape "
                    + Arrays.toString(expectedShape);
        }
        if (worst.index() < 0) {
            return label + ": no elements, shape " + Arrays.toString(expectedShape);
        }
        String outcome = failedCount == 0
                ? "within tolerance"
                : failedCount + " of " + elementCount + " values outside tolerance";
        return label + ": " + outcome + "; worst at flat index " + worst.index()
                + ": got " + number(worst.got()) + ", expected " + number(worst.expected())
                + ", " + errorText();
    }

    private String errorText() {
        if (!Double.isFinite(worst.expected()) || !Double.isFinite(worst.got())) {
            return "non-finite values must match exactly";
        }
        return String.format(Locale.ROOT, "error %.3g = %.3g x allowed %.3g (%s x max|expected| %s)",
                worst.error(), worst.ratio(), worst.allowed(), tolerance, number(maxAbsExpected));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
