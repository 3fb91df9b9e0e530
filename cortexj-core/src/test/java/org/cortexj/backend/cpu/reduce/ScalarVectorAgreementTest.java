package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.cortexj.backend.cpu.reduce.TestData.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks that the scalar and the Vector API kernels give bit-identical results for every
 * reduction (NaNs counted equal), and that max, min, argmax and argmin match naive loops.
 */
class ScalarVectorAgreementTest {

    private static final int ROWS = 3;
    private static final int OFFSET = 5;
    private static final int LARGE_LENGTH = 1_000_003;

    @Test
    void vectorKernelsUseRealVectors() {
        assertTrue(VectorFloatKernels.SPECIES.length() >= 2,
                "float species " + VectorFloatKernels.SPECIES);
        assertEquals(0, FloatSummation.LANES % (4 * VectorFloatKernels.SPECIES.length()));
        assertEquals(0, DoubleSummation.LANES % (4 * VectorDoubleKernels.SPECIES.length()));
    }

    @Test
    void floatKernelsAgreeOnEveryLength() {
        for (int length : TestData.rowLengths()) {
            for (Pattern pattern : Pattern.values()) {
                float[] input = floatRows(pattern, length, ROWS);
                compareFloat(input, ROWS, length, pattern);
            }
        }
    }

    @Test
    void doubleKernelsAgreeOnEveryLength() {
        for (int length : TestData.rowLengths()) {
            for (Pattern pattern : Pattern.values()) {
                double[] input = doubleRows(pattern, length, ROWS);
                compareDouble(input, ROWS, length, pattern);
            }
        }
    }

    @Test
    void floatKernelsAgreeOnLargeRow() {
        for (Pattern pattern : EnumSet.of(Pattern.RANDOM, Pattern.ONE_NAN, Pattern.TIES)) {
            compareFloat(floatRows(pattern, LARGE_LENGTH, 1), 1, LARGE_LENGTH, pattern);
        }
    }

    @Test
    void doubleKernelsAgreeOnLargeRow() {
        for (Pattern pattern : EnumSet.of(Pattern.RANDOM, Pattern.ONE_NAN, Pattern.TIES)) {
            compareDouble(doubleRows(pattern, LARGE_LENGTH, 1), 1, LARGE_LENGTH, pattern);
        }
    }

    /** Returns {@code OFFSET} filler values followed by {@code rows} rows of the pattern. */
    private static float[] floatRows(Pattern pattern, int length, int rows) {
        float[] input = new float[OFFSET + rows * length];
        java.util.Arrays.fill(input, 0, OFFSET, 1e30f);
        for (int row = 0; row < rows; row++) {
            float[] values = TestData.floats(pattern, length, row);
            System.arraycopy(values, 0, input, OFFSET + row * length, length);
        }
        return input;
    }

    private static double[] doubleRows(Pattern pattern, int length, int rows) {
        double[] input = new double[OFFSET + rows * length];
        java.util.Arrays.fill(input, 0, OFFSET, 1e300);
        for (int row = 0; row < rows; row++) {
            double[] values = TestData.doubles(pattern, length, row);
            System.arraycopy(values, 0, input, OFFSET + row * length, length);
        }
        return input;
    }

    private static void compareFloat(float[] input, int rows, int length, Pattern pattern) {
        FloatRowReducer scalar = Implementations.SCALAR_FLOAT;
        FloatRowReducer vector = Implementations.VECTOR_FLOAT;
        String context = "float, " + pattern + ", length " + length;

        assertArrayEquals(floatResults(scalar, "sum", input, rows, length),
                floatResults(vector, "sum", input, rows, length), "sum, " + context);
        assertArrayEquals(floatResults(scalar, "mean", input, rows, length),
                floatResults(vector, "mean", input, rows, length), "mean, " + context);
        assertArrayEquals(floatResults(scalar, "variance", input, rows, length),
                floatResults(vector, "variance", input, rows, length), "variance, " + context);
        if (length == 0) {
            return;
        }

        float[] scalarMax = floatResults(scalar, "max", input, rows, length);
        float[] scalarMin = floatResults(scalar, "min", input, rows, length);
        assertArrayEquals(scalarMax, floatResults(vector, "max", input, rows, length),
                "max, " + context);
        assertArrayEquals(scalarMin, floatResults(vector, "min", input, rows, length),
                "min, " + context);
        int[] scalarArgmax = new int[rows];
        int[] vectorArgmax = new int[rows];
        int[] scalarArgmin = new int[rows];
        int[] vectorArgmin = new int[rows];
        scalar.argmax(input, OFFSET, rows, length, scalarArgmax, 0);
        vector.argmax(input, OFFSET, rows, length, vectorArgmax, 0);
        scalar.argmin(input, OFFSET, rows, length, scalarArgmin, 0);
        vector.argmin(input, OFFSET, rows, length, vectorArgmin, 0);
        assertArrayEquals(scalarArgmax, vectorArgmax, "argmax, " + context);
        assertArrayEquals(scalarArgmin, vectorArgmin, "argmin, " + context);

        for (int row = 0; row < rows; row++) {
            int from = OFFSET + row * length;
            String rowContext = context + ", row " + row;
            assertEquals(NaiveReductions.max(input, from, length), scalarMax[row],
                    "max vs naive, " + rowContext);
            assertEquals(NaiveReductions.min(input, from, length), scalarMin[row],
                    "min vs naive, " + rowContext);
            assertEquals(NaiveReductions.argmax(input, from, length), scalarArgmax[row],
                    "argmax vs naive, " + rowContext);
            assertEquals(NaiveReductions.argmin(input, from, length), scalarArgmin[row],
                    "argmin vs naive, " + rowContext);
        }
    }

    private static void compareDouble(double[] input, int rows, int length, Pattern pattern) {
        DoubleRowReducer scalar = Implementations.SCALAR_DOUBLE;
        DoubleRowReducer vector = Implementations.VECTOR_DOUBLE;
        String context = "double, " + pattern + ", length " + length;

        assertArrayEquals(doubleResults(scalar, "sum", input, rows, length),
                doubleResults(vector, "sum", input, rows, length), "sum, " + context);
        assertArrayEquals(doubleResults(scalar, "mean", input, rows, length),
                doubleResults(vector, "mean", input, rows, length), "mean, " + context);
        assertArrayEquals(doubleResults(scalar, "variance", input, rows, length),
                doubleResults(vector, "variance", input, rows, length), "variance, " + context);
        if (length == 0) {
            return;
        }

        double[] scalarMax = doubleResults(scalar, "max", input, rows, length);
        double[] scalarMin = doubleResults(scalar, "min", input, rows, length);
        assertArrayEquals(scalarMax, doubleResults(vector, "max", input, rows, length),
                "max, " + context);
        assertArrayEquals(scalarMin, doubleResults(vector, "min", input, rows, length),
                "min, " + context);
        int[] scalarArgmax = new int[rows];
        int[] vectorArgmax = new int[rows];
        int[] scalarArgmin = new int[rows];
        int[] vectorArgmin = new int[rows];
        scalar.argmax(input, OFFSET, rows, length, scalarArgmax, 0);
        vector.argmax(input, OFFSET, rows, length, vectorArgmax, 0);
        scalar.argmin(input, OFFSET, rows, length, scalarArgmin, 0);
        vector.argmin(input, OFFSET, rows, length, vectorArgmin, 0);
        assertArrayEquals(scalarArgmax, vectorArgmax, "argmax, " + context);
        assertArrayEquals(scalarArgmin, vectorArgmin, "argmin, " + context);

        for (int row = 0; row < rows; row++) {
            int from = OFFSET + row * length;
            String rowContext = context + ", row " + row;
            assertEquals(NaiveReductions.max(input, from, length), scalarMax[row],
                    "max vs naive, " + rowContext);
            assertEquals(NaiveReductions.min(input, from, length), scalarMin[row],
                    "min vs naive, " + rowContext);
            assertEquals(NaiveReductions.argmax(input, from, length), scalarArgmax[row],
                    "argmax vs naive, " + rowContext);
            assertEquals(NaiveReductions.argmin(input, from, length), scalarArgmin[row],
                    "argmin vs naive, " + rowContext);
        }
    }

    private static float[] floatResults(
            FloatRowReducer reducer, String kind, float[] input, int rows, int length) {
        float[] output = new float[rows];
        switch (kind) {
            case "sum" -> reducer.sum(input, OFFSET, rows, length, output, 0);
            case "mean" -> reducer.mean(input, OFFSET, rows, length, output, 0);
            case "variance" -> reducer.variance(input, OFFSET, rows, length, 1, output, 0);
            case "max" -> reducer.max(input, OFFSET, rows, length, output, 0);
            case "min" -> reducer.min(input, OFFSET, rows, length, output, 0);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        return output;
    }

    private static double[] doubleResults(
            DoubleRowReducer reducer, String kind, double[] input, int rows, int length) {
        double[] output = new double[rows];
        switch (kind) {
            case "sum" -> reducer.sum(input, OFFSET, rows, length, output, 0);
            case "mean" -> reducer.mean(input, OFFSET, rows, length, output, 0);
            case "variance" -> reducer.variance(input, OFFSET, rows, length, 1, output, 0);
            case "max" -> reducer.max(input, OFFSET, rows, length, output, 0);
            case "min" -> reducer.min(input, OFFSET, rows, length, output, 0);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        return output;
    }
}
