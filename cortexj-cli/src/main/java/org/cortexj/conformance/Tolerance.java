package org.cortexj.conformance;

import java.util.Arrays;
import java.util.Locale;

/**
 * Allowed difference between a computed tensor and its reference.
 *
 * <p>Element i passes when {@code |got[i] - expected[i]| <= rtol * |expected[i]| + atol * M},
 * where M is the largest finite {@code |expected|} of the whole tensor. So {@code atol} is
 * relative to the tensor's scale, which keeps values that round to zero or to a subnormal in
 * float32 (such as sigmoid(-100)) inside tolerance. A NaN must be matched by NaN and an infinity
 * by the same infinity, whatever the tolerance. Tensors of an exact dtype (int64 indices, bool
 * masks) must match exactly.
 *
 * @param rtol relative tolerance, a fraction of {@code |expected[i]|}; finite and at least 0
 * @param atol absolute tolerance, a fraction of the tensor's largest {@code |expected|}; finite
 *     and at least 0
 */
public record Tolerance(double rtol, double atol) {

    /** No difference allowed. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public Tolerance {
        if (!(rtol >= 0 && rtol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Tolerance: rtol must be finite and >= 0, got " + rtol);
        }
        if (!(atol >= 0 && atol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Tolerance: atol must be finite and >= 0, got " + atol);
        }
    }

    /** This tolerance with both terms multiplied by {@code factor}, for a looser or tighter check. */
    public Tolerance scaled(double factor) {
        return new Tolerance(rtol * factor, atol * factor);
    }

    /**
     * Compares a computed tensor with a reference tensor. Exact dtypes are compared with
     * {@link #EXACT}.
     *
     * @param label name for the report, such as {@code grads.x}
     * @param expected reference tensor; its data must be present
     * @param gotShape shape of the computed tensor; it must equal the reference shape
     * @param got computed values, row-major
     */
    public Comparison compare(String label, ReferenceTensor expected, int[] gotShape, double[] got) {
        Tolerance effective = expected.dtype().isExact() ? EXACT : this;
        return effective.compare(label, expected.shape(), expected.data(), gotShape, got);
    }

    /** Like {@link #compare(String, ReferenceTensor, int[], double[])}, for float32 results. */
    public Comparison compare(String label, ReferenceTensor expected, int[] gotShape, float[] got) {
        return compare(label, expected, gotShape, widen(got));
    }

    /**
     * Compares two row-major arrays with their shapes, for values that are not stored as a whole
     * tensor (for example sampled elements of a large gradient).
     *
     * @throws IllegalArgumentException if an array's length does not match its shape
     */
    public Comparison compare(String label, int[] expectedShape, double[] expected, int[] gotShape,
            double[] got) {
        checkLength(label, "expected", expectedShape, expected);
        checkLength(label, "got", gotShape, got);
        if (!Arrays.equals(expectedShape, gotShape)) {
            return Comparison.shapeMismatch(label, this, expectedShape, gotShape);
        }
        return ElementComparison.run(label, this, expectedShape, expected, got);
    }

    /** Allowed error for one reference value, given the tensor's largest finite magnitude. */
    double allowed(double expected, double maxAbsExpected) {
        return rtol * Math.abs(expected) + atol * maxAbsExpected;
    }

    private static void checkLength(String label, String which, int[] shape, double[] values) {
        long size = TensorParser.checkedSize(shape, label);
        if (size != values.length) {
            throw new IllegalArgumentException(label + ": " + which + " has " + values.length
                    + " values but its shape " + Arrays.toString(shape) + " needs " + size);
        }
    }

    private static double[] widen(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Text such as {@code rtol 1e-04, atol 1e-05}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rtol %.0e, atol %.0e", rtol, atol);
    }
}
