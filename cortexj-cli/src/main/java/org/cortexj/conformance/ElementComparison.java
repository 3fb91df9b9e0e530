package org.cortexj.conformance;

/**
 * Element-by-element check behind {@link Tolerance#compare}: counts the elements outside
 * tolerance and keeps the worst one, ranked by error divided by the allowed error.
 */
final class ElementComparison {

    private final Tolerance tolerance;
    private final double maxAbsExpected;
    private int failedCount;
    private int worstIndex = -1;
    private double worstRatio = -1;
    private double worstError;
    private double worstAllowed;

    private ElementComparison(Tolerance tolerance, double maxAbsExpected) {
        this.tolerance = tolerance;
        this.maxAbsExpected = maxAbsExpected;
    }

    static Comparison run(String label, Tolerance tolerance, int[] shape, double[] expected,
            double[] got) {
        ElementComparison check = new ElementComparison(tolerance, maxAbsFinite(expected));
        for (int i = 0; i < expected.length; i++) {
            check.visit(i, expected[i], got[i]);
        }
        return check.toComparison(label, shape, expected, got);
    }

    private void visit(int index, double expected, double got) {
        double allowed = tolerance.allowed(expected, maxAbsExpected);
        double error = Math.abs(got - expected);
        boolean passed;
        double ratio;
        if (Double.isNaN(expected) || Double.isInfinite(expected) || !Double.isFinite(got)) {
            // Non-finite values on either side must match exactly: NaN with NaN, inf with the same inf.
            passed = Double.isNaN(expected) ? Double.isNaN(got) : got == expected;
            ratio = passed ? 0 : Double.POSITIVE_INFINITY;
            error = passed ? 0 : error;
        } else {
            passed = error <= allowed;
            ratio = ratioOf(error, allowed);
        }
        if (!passed) {
            failedCount++;
        }
        if (ratio > worstRatio) {
            worstRatio = ratio;
            worstIndex = index;
            worstError = error;
            worstAllowed = allowed;
        }
    }

    private static double ratioOf(double error, double allowed) {
        if (error == 0) {
            return 0;
        }
        return allowed == 0 ? Double.POSITIVE_INFINITY : error / allowed;
    }

    private Comparison toComparison(String label, int[] shape, double[] expected, double[] got) {
        if (worstIndex < 0) {
            return new Comparison(label, tolerance, shape, shape, 0, 0, Comparison.Worst.NONE,
                    maxAbsExpected);
        }
        Comparison.Worst worst = new Comparison.Worst(worstIndex, got[worstIndex],
                expected[worstIndex], worstError, worstRatio, worstAllowed);
        return new Comparison(label, tolerance, shape, shape, expected.length, failedCount, worst,
                maxAbsExpected);
    }

    private static double maxAbsFinite(double[] values) {
        double max = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max;
    }
}
