package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed double reductions, run on the scalar and the Vector API kernels. assertEquals
 * on doubles compares bits after merging NaNs, so it distinguishes -0.0 from +0.0.
 */
class DoubleRowReducerTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double sum(DoubleRowReducer reducer, double... row) {
        double[] out = new double[1];
        reducer.sum(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static double max(DoubleRowReducer reducer, double... row) {
        double[] out = new double[1];
        reducer.max(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static double min(DoubleRowReducer reducer, double... row) {
        double[] out = new double[1];
        reducer.min(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static int argmax(DoubleRowReducer reducer, double... row) {
        int[] out = new int[1];
        reducer.argmax(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static int argmin(DoubleRowReducer reducer, double... row) {
        int[] out = new int[1];
        reducer.argmin(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static double variance(DoubleRowReducer reducer, int correction, double... row) {
        double[] out = new double[1];
        reducer.variance(row, 0, 1, row.length, correction, out, 0);
        return out[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void smallRowMatchesHandValues(String name, DoubleRowReducer reducer) {
        double[] row = {1, 2, 3, 4};
        double[] mean = new double[1];
        reducer.mean(row, 0, 1, 4, mean, 0);

        assertEquals(10.0, sum(reducer, row));
        assertEquals(2.5, mean[0]);
        assertEquals(4.0, max(reducer, row));
        assertEquals(1.0, min(reducer, row));
        assertEquals(3, argmax(reducer, row));
        assertEquals(0, argmin(reducer, row));
        // Deviations -1.5, -0.5, 0.5, 1.5 square to 5 in total.
        assertEquals(1.25, variance(reducer, 0, row));
        assertEquals(5.0 / 3.0, variance(reducer, 1, row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void rowsWithOffsetsFillOutputSlots(String name, DoubleRowReducer reducer) {
        double[] input = {99, 1, 2, 3, 4, 5, 6, 99};
        double[] sums = {-7, -7, -7, -7};
        double[] maxes = {-7, -7, -7};
        int[] argmins = {-7, -7, -7};

        reducer.sum(input, 1, 2, 3, sums, 1);
        reducer.max(input, 1, 2, 3, maxes, 0);
        reducer.argmin(input, 1, 2, 3, argmins, 1);

        assertArrayEquals(new double[] {-7, 6, 15, -7}, sums);
        assertArrayEquals(new double[] {3, 6, -7}, maxes);
        assertArrayEquals(new int[] {-7, 0, 0}, argmins);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void argmaxAndArgminPickFirstTie(String name, DoubleRowReducer reducer) {
        assertEquals(1, argmax(reducer, 3, 7, 7, 1));
        assertEquals(1, argmin(reducer, 2, 0, 5, 0));
        assertEquals(0, argmax(reducer, 4, 4, 4, 4, 4));
        // -0.0 == +0.0, so the first zero wins even though max returns +0.0.
        assertEquals(0, argmax(reducer, -0.0, 0.0));
        assertEquals(0, argmin(reducer, 0.0, -0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void nanPropagatesThroughEveryKind(String name, DoubleRowReducer reducer) {
        double[] row = {1, NAN, 3, NAN};

        assertEquals(NAN, sum(reducer, row));
        assertEquals(NAN, max(reducer, row));
        assertEquals(NAN, min(reducer, row));
        assertEquals(1, argmax(reducer, row));
        assertEquals(1, argmin(reducer, row));
        assertEquals(NAN, variance(reducer, 0, row));
        assertEquals(2, argmax(reducer, -INF, 5, NAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void infinitiesFollowIeeeRules(String name, DoubleRowReducer reducer) {
        assertEquals(NAN, sum(reducer, INF, -INF));
        assertEquals(INF, sum(reducer, INF, 1, 2));
        assertEquals(-INF, sum(reducer, -INF, -3));
        assertEquals(-INF, max(reducer, -INF, -INF));
        assertEquals(INF, max(reducer, 1, INF, 2));
        assertEquals(-INF, min(reducer, 1, -INF, 2));
        assertEquals(1, argmax(reducer, 1, INF, INF));
        assertEquals(NAN, variance(reducer, 0, 1, INF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void signedZerosKeepTheirSigns(String name, DoubleRowReducer reducer) {
        assertEquals(-0.0, sum(reducer, -0.0));
        assertEquals(-0.0, sum(reducer, -0.0, -0.0, -0.0));
        assertEquals(0.0, sum(reducer, -0.0, 0.0));
        assertEquals(0.0, max(reducer, -0.0, 0.0));
        assertEquals(0.0, max(reducer, 0.0, -0.0));
        assertEquals(-0.0, min(reducer, 0.0, -0.0));
        assertEquals(-0.0, max(reducer, -0.0, -1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void singleElementRowsReturnTheElement(String name, DoubleRowReducer reducer) {
        double[] mean = new double[1];
        reducer.mean(new double[] {-2.5}, 0, 1, 1, mean, 0);

        assertEquals(-2.5, sum(reducer, -2.5));
        assertEquals(-2.5, mean[0]);
        assertEquals(-2.5, max(reducer, -2.5));
        assertEquals(-2.5, min(reducer, -2.5));
        assertEquals(0, argmax(reducer, -2.5));
        assertEquals(0, argmin(reducer, -2.5));
        assertEquals(0.0, variance(reducer, 0, -2.5));
        // One element leaves no degree of freedom for the sample variance: 0 / 0.
        assertEquals(NAN, variance(reducer, 1, -2.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void correctionBeyondLengthGivesInfinity(String name, DoubleRowReducer reducer) {
        // Deviations -1 and 1 sum to 2 squared, divided by max(0, 2 - 3) = 0.
        assertEquals(INF, variance(reducer, 3, 1, 3));
        assertEquals(NAN, variance(reducer, 2, 5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void meanAndVarianceMatchSeparateCalls(String name, DoubleRowReducer reducer) {
        double[] input = new double[3 * 37];
        for (int i = 0; i < input.length; i++) {
            input[i] = (double) Math.sin(i) * 10 + i % 5;
        }
        double[] means = new double[4];
        double[] variances = new double[5];
        double[] expectedMeans = new double[3];
        double[] expectedVariances = new double[3];

        reducer.meanAndVariance(input, 0, 3, 37, 1, means, 1, variances, 2);
        reducer.mean(input, 0, 3, 37, expectedMeans, 0);
        reducer.variance(input, 0, 3, 37, 1, expectedVariances, 0);

        for (int row = 0; row < 3; row++) {
            assertEquals(expectedMeans[row], means[1 + row], "mean of row " + row);
            assertEquals(expectedVariances[row], variances[2 + row], "variance of row " + row);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void emptyRowsGiveIdentityOrNaN(String name, DoubleRowReducer reducer) {
        double[] input = {5};
        double[] sums = {-1, -1};
        double[] means = {-1, -1};
        double[] variances = {-1, -1};
        double[] meanOutput = {-1, -1};
        double[] varianceOutput = {-1, -1};

        reducer.sum(input, 1, 2, 0, sums, 0);
        reducer.mean(input, 0, 2, 0, means, 0);
        reducer.variance(input, 0, 2, 0, 1, variances, 0);
        reducer.meanAndVariance(input, 0, 2, 0, 0, meanOutput, 0, varianceOutput, 0);

        assertArrayEquals(new double[] {0.0, 0.0}, sums);
        assertArrayEquals(new double[] {NAN, NAN}, means);
        assertArrayEquals(new double[] {NAN, NAN}, variances);
        assertArrayEquals(new double[] {NAN, NAN}, meanOutput);
        assertArrayEquals(new double[] {NAN, NAN}, varianceOutput);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void emptyRowsRejectMaxMinAndArgs(String name, DoubleRowReducer reducer) {
        double[] input = {};
        double[] out = new double[2];
        int[] indices = new int[2];

        assertEmptyRejected("max", () -> reducer.max(input, 0, 2, 0, out, 0));
        assertEmptyRejected("min", () -> reducer.min(input, 0, 2, 0, out, 0));
        assertEmptyRejected("argmax", () -> reducer.argmax(input, 0, 2, 0, indices, 0));
        assertEmptyRejected("argmin", () -> reducer.argmin(input, 0, 2, 0, indices, 0));
        assertEmptyRejected("max", () -> reducer.max(input, 0, 0, 0, out, 0));
    }

    private static void assertEmptyRejected(String operation, Runnable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        String message = error.getMessage();
        assertTrue(message.startsWith(operation + ": "), message);
        assertTrue(message.contains("reduced axes are empty"), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void invalidRegionsAreRejected(String name, DoubleRowReducer reducer) {
        double[] input = new double[16];
        double[] out = new double[4];

        IndexOutOfBoundsException inputError = assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.sum(input, 5, 3, 4, out, 0));
        assertEquals("sum: input region [5, 17) of 3 rows of 4 elements is outside the input"
                + " array of length 16", inputError.getMessage());

        IndexOutOfBoundsException outputError = assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.mean(input, 0, 3, 4, out, 2));
        assertEquals("mean: output region [2, 5) for 3 rows is outside the output array of"
                + " length 4", outputError.getMessage());

        assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.max(input, -1, 1, 4, out, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.meanAndVariance(input, 0, 4, 4, 0, out, 0, new double[3], 0));

        IllegalArgumentException rowsError = assertThrows(IllegalArgumentException.class,
                () -> reducer.sum(input, 0, -1, 4, out, 0));
        assertEquals("sum: rows must be >= 0, got -1", rowsError.getMessage());

        IllegalArgumentException correctionError = assertThrows(IllegalArgumentException.class,
                () -> reducer.variance(input, 0, 1, 4, -1, out, 0));
        assertEquals("variance: correction must be >= 0, got -1", correctionError.getMessage());

        NullPointerException nullError = assertThrows(NullPointerException.class,
                () -> reducer.argmax(input, 0, 1, 4, null, 0));
        assertEquals("argmax: output array is null", nullError.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#doubleReducers")
    void hugeRegionDoesNotOverflow(String name, DoubleRowReducer reducer) {
        double[] input = new double[8];
        double[] out = new double[1];

        // 65536 * 65536 overflows int; the check must still see the region as too long.
        assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.sum(input, 0, 65536, 65536, out, 0));
    }
}
