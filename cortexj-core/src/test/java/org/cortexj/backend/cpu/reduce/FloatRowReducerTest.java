package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed float reductions, run on the scalar and the Vector API kernels. assertEquals
 * on floats compares bits after merging NaNs, so it distinguishes -0.0 from +0.0.
 */
class FloatRowReducerTest {

    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    private static float sum(FloatRowReducer reducer, float... row) {
        float[] out = new float[1];
        reducer.sum(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static float max(FloatRowReducer reducer, float... row) {
        float[] out = new float[1];
        reducer.max(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static float min(FloatRowReducer reducer, float... row) {
        float[] out = new float[1];
        reducer.min(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static int argmax(FloatRowReducer reducer, float... row) {
        int[] out = new int[1];
        reducer.argmax(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static int argmin(FloatRowReducer reducer, float... row) {
        int[] out = new int[1];
        reducer.argmin(row, 0, 1, row.length, out, 0);
        return out[0];
    }

    private static float variance(FloatRowReducer reducer, int correction, float... row) {
        float[] out = new float[1];
        reducer.variance(row, 0, 1, row.length, correction, out, 0);
        return out[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void smallRowMatchesHandValues(String name, FloatRowReducer reducer) {
        float[] row = {1, 2, 3, 4};
        float[] mean = new float[1];
        reducer.mean(row, 0, 1, 4, mean, 0);

        assertEquals(10f, sum(reducer, row));
        assertEquals(2.5f, mean[0]);
        assertEquals(4f, max(reducer, row));
        assertEquals(1f, min(reducer, row));
        assertEquals(3, argmax(reducer, row));
        assertEquals(0, argmin(reducer, row));
        // Deviations -1.5, -0.5, 0.5, 1.5 square to 5 in total.
        assertEquals(1.25f, variance(reducer, 0, row));
        assertEquals(5f / 3f, variance(reducer, 1, row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void rowsWithOffsetsFillOutputSlots(String name, FloatRowReducer reducer) {
        float[] input = {99, 1, 2, 3, 4, 5, 6, 99};
        float[] sums = {-7, -7, -7, -7};
        float[] maxes = {-7, -7, -7};
        int[] argmins = {-7, -7, -7};

        reducer.sum(input, 1, 2, 3, sums, 1);
        reducer.max(input, 1, 2, 3, maxes, 0);
        reducer.argmin(input, 1, 2, 3, argmins, 1);

        assertArrayEquals(new float[] {-7, 6, 15, -7}, sums);
        assertArrayEquals(new float[] {3, 6, -7}, maxes);
        assertArrayEquals(new int[] {-7, 0, 0}, argmins);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void argmaxAndArgminPickFirstTie(String name, FloatRowReducer reducer) {
        assertEquals(1, argmax(reducer, 3, 7, 7, 1));
        assertEquals(1, argmin(reducer, 2, 0, 5, 0));
        assertEquals(0, argmax(reducer, 4, 4, 4, 4, 4));
        // -0.0 == +0.0, so the first zero wins even though max returns +0.0.
        assertEquals(0, argmax(reducer, -0f, 0f));
        assertEquals(0, argmin(reducer, 0f, -0f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void nanPropagatesThroughEveryKind(String name, FloatRowReducer reducer) {
        float[] row = {1, NAN, 3, NAN};

        assertEquals(NAN, sum(reducer, row));
        assertEquals(NAN, max(reducer, row));
        assertEquals(NAN, min(reducer, row));
        assertEquals(1, argmax(reducer, row));
        assertEquals(1, argmin(reducer, row));
        assertEquals(NAN, variance(reducer, 0, row));
        assertEquals(2, argmax(reducer, -INF, 5, NAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void infinitiesFollowIeeeRules(String name, FloatRowReducer reducer) {
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
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void signedZerosKeepTheirSigns(String name, FloatRowReducer reducer) {
        assertEquals(-0f, sum(reducer, -0f));
        assertEquals(-0f, sum(reducer, -0f, -0f, -0f));
        assertEquals(0f, sum(reducer, -0f, 0f));
        assertEquals(0f, max(reducer, -0f, 0f));
        assertEquals(0f, max(reducer, 0f, -0f));
        assertEquals(-0f, min(reducer, 0f, -0f));
        assertEquals(-0f, max(reducer, -0f, -1f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void singleElementRowsReturnTheElement(String name, FloatRowReducer reducer) {
        float[] mean = new float[1];
        reducer.mean(new float[] {-2.5f}, 0, 1, 1, mean, 0);

        assertEquals(-2.5f, sum(reducer, -2.5f));
        assertEquals(-2.5f, mean[0]);
        assertEquals(-2.5f, max(reducer, -2.5f));
        assertEquals(-2.5f, min(reducer, -2.5f));
        assertEquals(0, argmax(reducer, -2.5f));
        assertEquals(0, argmin(reducer, -2.5f));
        assertEquals(0f, variance(reducer, 0, -2.5f));
        // One element leaves no degree of freedom for the sample variance: 0 / 0.
        assertEquals(NAN, variance(reducer, 1, -2.5f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void correctionBeyondLengthGivesInfinity(String name, FloatRowReducer reducer) {
        // Deviations -1 and 1 sum to 2 squared, divided by max(0, 2 - 3) = 0.
        assertEquals(INF, variance(reducer, 3, 1, 3));
        assertEquals(NAN, variance(reducer, 2, 5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void meanAndVarianceMatchSeparateCalls(String name, FloatRowReducer reducer) {
        float[] input = new float[3 * 37];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i) * 10 + i % 5;
        }
        float[] means = new float[4];
        float[] variances = new float[5];
        float[] expectedMeans = new float[3];
        float[] expectedVariances = new float[3];

        reducer.meanAndVariance(input, 0, 3, 37, 1, means, 1, variances, 2);
        reducer.mean(input, 0, 3, 37, expectedMeans, 0);
        reducer.variance(input, 0, 3, 37, 1, expectedVariances, 0);

        for (int row = 0; row < 3; row++) {
            assertEquals(expectedMeans[row], means[1 + row], "mean of row " + row);
            assertEquals(expectedVariances[row], variances[2 + row], "variance of row " + row);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void emptyRowsGiveIdentityOrNaN(String name, FloatRowReducer reducer) {
        float[] input = {5};
        float[] sums = {-1, -1};
        float[] means = {-1, -1};
        float[] variances = {-1, -1};
        float[] meanOutput = {-1, -1};
        float[] varianceOutput = {-1, -1};

        reducer.sum(input, 1, 2, 0, sums, 0);
        reducer.mean(input, 0, 2, 0, means, 0);
        reducer.variance(input, 0, 2, 0, 1, variances, 0);
        reducer.meanAndVariance(input, 0, 2, 0, 0, meanOutput, 0, varianceOutput, 0);

        assertArrayEquals(new float[] {0f, 0f}, sums);
        assertArrayEquals(new float[] {NAN, NAN}, means);
        assertArrayEquals(new float[] {NAN, NAN}, variances);
        assertArrayEquals(new float[] {NAN, NAN}, meanOutput);
        assertArrayEquals(new float[] {NAN, NAN}, varianceOutput);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void emptyRowsRejectMaxMinAndArgs(String name, FloatRowReducer reducer) {
        float[] input = {};
        float[] out = new float[2];
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
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void invalidRegionsAreRejected(String name, FloatRowReducer reducer) {
        float[] input = new float[16];
        float[] out = new float[4];

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
                () -> reducer.meanAndVariance(input, 0, 4, 4, 0, out, 0, new float[3], 0));

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
    @MethodSource("org.cortexj.backend.cpu.reduce.Implementations#floatReducers")
    void hugeRegionDoesNotOverflow(String name, FloatRowReducer reducer) {
        float[] input = new float[8];
        float[] out = new float[1];

        // 65536 * 65536 overflows int; the check must still see the region as too long.
        assertThrows(IndexOutOfBoundsException.class,
                () -> reducer.sum(input, 0, 65536, 65536, out, 0));
    }
}
