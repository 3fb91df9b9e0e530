package org.cortexj.backend.cpu.reduce;

/**
 * Row reductions over contiguous arrays: each method reduces {@code rows} rows of
 * {@code rowLength} elements, stored row-major from {@code input[inputOffset]}, and writes one
 * result per row from {@code output[outputOffset]}.
 *
 * <h2>Summation</h2>
 * Sums, means and variances use a blocked pairwise summation tree (blocks of 1024 floats in
 * 64 lanes, or 512 doubles in 32 lanes, block sums combined pairwise). Its worst-case error
 * grows with {@code log2(rowLength)}, not with {@code rowLength} as a running sum's does. The
 * tree depends only on {@code rowLength}, so a row gives the same bits at any offset, in any
 * batch of rows, on any thread, and with the scalar or the SIMD kernels on any vector width.
 * Variances use two passes: the mean, then the sum of squared deviations from it.
 *
 * <h2>Special values</h2>
 * <ul>
 *   <li>Sums follow IEEE 754: NaN if any element is NaN or if the row contains both infinities.
 *   A row of only -0.0 sums to -0.0.</li>
 *   <li>{@code max} and {@code min} follow {@link Math#max(float, float)} and
 *   {@link Math#min(float, float)}: NaN if any element is NaN, and {@code max(-0.0, +0.0)} is
 *   +0.0 wherever the zeros stand.</li>
 *   <li>{@code argmax} and {@code argmin} return the index within the row of the first
 *   element equal to the row's max or min, so ties go to the first occurrence and -0.0 ties
 *   with +0.0. A row with NaN returns the index of its first NaN, as NumPy does.</li>
 * </ul>
 *
 * <h2>Empty rows</h2>
 * With {@code rowLength == 0}, sums are 0.0, and means and variances are NaN. {@code max},
 * {@code min}, {@code argmax} and {@code argmin} have no identity value and throw
 * {@link IllegalArgumentException}, even when {@code rows} is 0.
 *
 * <h2>Errors</h2>
 * A negative {@code rows}, {@code rowLength} or {@code correction} throws
 * {@link IllegalArgumentException}. An input or output region outside its array throws
 * {@link IndexOutOfBoundsException}, and a null array throws {@link NullPointerException}.
 * Messages start with the operation name.
 *
 * <p>The kernels are picked once per JVM (see {@link #implementation()}). Every method is
 * thread-safe and runs on the calling thread.
 */
public final class RowReductions {

    private RowReductions() {
    }

    /** Reducers on the kernels picked for this JVM, created on first use. */
    private static final class Reducers {
        static final KernelSet KERNELS = KernelProvider.kernels();
        static final FloatRowReducer FLOAT = new FloatRowReducer(KERNELS.floats());
        static final DoubleRowReducer DOUBLE = new DoubleRowReducer(KERNELS.doubles());
    }

    /**
     * Returns which kernels run, for start-up logs: for example
     * {@code "Vector API, 512-bit float and 512-bit double vectors"}, or {@code "scalar ("}
     * followed by the reason SIMD is off.
     */
    public static String implementation() {
        return Reducers.KERNELS.description();
    }

    /** Writes the sum of each row. */
    public static void sum(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        Reducers.FLOAT.sum(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /** Writes the sum of each row. */
    public static void sum(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        Reducers.DOUBLE.sum(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes the mean of each row: the float sum divided by {@code rowLength} in double, then
     * rounded to float.
     */
    public static void mean(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        Reducers.FLOAT.mean(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /** Writes the mean of each row. */
    public static void mean(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        Reducers.DOUBLE.mean(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes the variance of each row: the sum of squared deviations from the row mean,
     * divided by {@code max(0, rowLength - correction)}. A row whose divisor is 0 gives NaN
     * when its deviations are all 0 and +infinity otherwise, as in PyTorch.
     *
     * @param correction 0 for the population variance, 1 for the sample variance (Bessel's
     *     correction); must be {@code >= 0}
     */
    public static void variance(float[] input, int inputOffset, int rows, int rowLength,
            int correction, float[] output, int outputOffset) {
        Reducers.FLOAT.variance(
                input, inputOffset, rows, rowLength, correction, output, outputOffset);
    }

    /** Writes the variance of each row; see the float overload for the contract. */
    public static void variance(double[] input, int inputOffset, int rows, int rowLength,
            int correction, double[] output, int outputOffset) {
        Reducers.DOUBLE.variance(
                input, inputOffset, rows, rowLength, correction, output, outputOffset);
    }

    /**
     * Writes the mean and the variance of each row, computing each mean once. The results are
     * bit-identical to those of {@link #mean(float[], int, int, int, float[], int)} and
     * {@link #variance(float[], int, int, int, int, float[], int)}.
     */
    public static void meanAndVariance(float[] input, int inputOffset, int rows,
            int rowLength, int correction, float[] means, int meansOffset, float[] variances,
            int variancesOffset) {
        Reducers.FLOAT.meanAndVariance(input, inputOffset, rows, rowLength, correction,
                means, meansOffset, variances, variancesOffset);
    }

    /** Writes the mean and the variance of each row; see the float overload. */
    public static void meanAndVariance(double[] input, int inputOffset, int rows,
            int rowLength, int correction, double[] means, int meansOffset, double[] variances,
            int variancesOffset) {
        Reducers.DOUBLE.meanAndVariance(input, inputOffset, rows, rowLength, correction,
                means, meansOffset, variances, variancesOffset);
    }

    /**
     * Writes the maximum of each row.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void max(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        Reducers.FLOAT.max(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes the maximum of each row.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void max(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        Reducers.DOUBLE.max(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes the minimum of each row.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void min(float[] input, int inputOffset, int rows, int rowLength,
            float[] output, int outputOffset) {
        Reducers.FLOAT.min(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes the minimum of each row.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void min(double[] input, int inputOffset, int rows, int rowLength,
            double[] output, int outputOffset) {
        Reducers.DOUBLE.min(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes, for each row, the index within the row of its first maximum, or of its first
     * NaN.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void argmax(float[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        Reducers.FLOAT.argmax(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes, for each row, the index within the row of its first maximum, or of its first
     * NaN.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void argmax(double[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        Reducers.DOUBLE.argmax(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes, for each row, the index within the row of its first minimum, or of its first
     * NaN.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void argmin(float[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        Reducers.FLOAT.argmin(input, inputOffset, rows, rowLength, output, outputOffset);
    }

    /**
     * Writes, for each row, the index within the row of its first minimum, or of its first
     * NaN.
     *
     * @throws IllegalArgumentException if {@code rowLength} is 0
     */
    public static void argmin(double[] input, int inputOffset, int rows, int rowLength,
            int[] output, int outputOffset) {
        Reducers.DOUBLE.argmin(input, inputOffset, rows, rowLength, output, outputOffset);
    }
}
