package org.cortexj.backend.cpu.reduce;

/**
 * Plain loops that define the expected results independently of the kernels: comparisons
 * with {@code >} and {@code <}, NaN checked first, and the signed zeros ordered by hand.
 */
final class NaiveReductions {

    private NaiveReductions() {
    }

    static float max(float[] a, int from, int length) {
        return (float) max(toDoubles(a, from, length), 0, length);
    }

    static float min(float[] a, int from, int length) {
        return (float) min(toDoubles(a, from, length), 0, length);
    }

    static int argmax(float[] a, int from, int length) {
        return argmax(toDoubles(a, from, length), 0, length);
    }

    static int argmin(float[] a, int from, int length) {
        return argmin(toDoubles(a, from, length), 0, length);
    }

    static double max(double[] a, int from, int length) {
        double best = a[from];
        for (int i = from; i < from + length; i++) {
            if (Double.isNaN(a[i])) {
                return Double.NaN;
            }
            boolean positiveZeroOverNegative = a[i] == 0 && best == 0 && isPositiveZero(a[i]);
            if (a[i] > best || positiveZeroOverNegative) {
                best = a[i];
            }
        }
        return best;
    }

    static double min(double[] a, int from, int length) {
        double best = a[from];
        for (int i = from; i < from + length; i++) {
            if (Double.isNaN(a[i])) {
                return Double.NaN;
            }
            boolean negativeZeroUnderPositive = a[i] == 0 && best == 0 && !isPositiveZero(a[i]);
            if (a[i] < best || negativeZeroUnderPositive) {
                best = a[i];
            }
        }
        return best;
    }

    /** Returns the index of the first NaN, else of the first element greater than all before. */
    static int argmax(double[] a, int from, int length) {
        int best = 0;
        for (int i = 0; i < length; i++) {
            if (Double.isNaN(a[from + i])) {
                return i;
            }
            if (a[from + i] > a[from + best]) {
                best = i;
            }
        }
        return best;
    }

    static int argmin(double[] a, int from, int length) {
        int best = 0;
        for (int i = 0; i < length; i++) {
            if (Double.isNaN(a[from + i])) {
                return i;
            }
            if (a[from + i] < a[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Returns the sum accumulated in double, one running sum. */
    static double sum(float[] a, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += a[i];
        }
        return sum;
    }

    private static boolean isPositiveZero(double value) {
        return Double.doubleToRawLongBits(value) == 0L;
    }

    private static double[] toDoubles(float[] a, int from, int length) {
        double[] result = new double[length];
        for (int i = 0; i < length; i++) {
            result[i] = a[from + i];
        }
        return result;
    }
}
