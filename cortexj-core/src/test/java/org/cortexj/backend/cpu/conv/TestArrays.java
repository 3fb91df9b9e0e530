package org.cortexj.backend.cpu.conv;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Random inputs and tolerance checks shared by the tests of this package. */
final class TestArrays {

    private TestArrays() {
    }

    /** Returns uniform values in [-1, 1) from a seeded generator. */
    static double[] randomDoubles(int size, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int index = 0; index < size; index++) {
            values[index] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int index = 0; index < values.length; index++) {
            floats[index] = (float) values[index];
        }
        return floats;
    }

    static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int index = 0; index < values.length; index++) {
            doubles[index] = values[index];
        }
        return doubles;
    }

    /**
     * Checks {@code |actual - expected| <= rtol * |expected| + atol * max|expected|} per element.
     * NaN must meet NaN and an infinity the same infinity. The message names the first failing
     * element with both values.
     */
    static void assertClose(String label, double[] expected, double[] actual, double rtol,
            double atol) {
        if (expected.length != actual.length) {
            fail(label + ": length " + actual.length + ", expected " + expected.length);
        }
        double scale = 0;
        for (double value : expected) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int index = 0; index < expected.length; index++) {
            if (!isClose(expected[index], actual[index], rtol, atol * scale)) {
                fail(label + ": element " + index + " is " + actual[index] + ", expected "
                        + expected[index] + " (rtol " + rtol + ", atol " + atol + " * " + scale + ")");
            }
        }
    }

    private static boolean isClose(double expected, double actual, double rtol, double atol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol;
    }
}
