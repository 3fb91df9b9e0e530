package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.TestArrays.assertClose;
import static org.cortexj.backend.cpu.conv.TestArrays.randomDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Max pooling forward and backward against the direct-loop oracle and hand examples. */
class MaxPool2dKernelTest {

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static Stream<PoolOracle> cases() {
        return PoolOracle.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatchesNaiveLoop(PoolOracle oracle) {
        double[] x = randomDoubles(oracle.inputSize(), 1);
        PoolOracle.MaxResult expected = oracle.maxPool(x);
        double[] y = new double[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];

        MaxPool2dKernel.forward(x, oracle.geometry(), y, indices);

        assertArrayEquals(expected.values(), y, oracle + " y");
        assertArrayEquals(expected.indices(), indices, oracle + " indices");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatForwardMatchesNaiveLoop(PoolOracle oracle) {
        float[] x = toFloats(randomDoubles(oracle.inputSize(), 2));
        PoolOracle.MaxResult expected = oracle.maxPool(toDoubles(x));
        float[] y = new float[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];

        MaxPool2dKernel.forward(x, oracle.geometry(), y, indices);

        assertArrayEquals(toFloats(expected.values()), y, oracle + " y");
        assertArrayEquals(expected.indices(), indices, oracle + " indices");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tiesGoToFirstMaximum(PoolOracle oracle) {
        // Values from {0, 1, 2} make most windows hold ties.
        Random random = new Random(3);
        double[] x = new double[oracle.inputSize()];
        for (int index = 0; index < x.length; index++) {
            x[index] = random.nextInt(3);
        }
        double[] y = new double[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];

        MaxPool2dKernel.forward(x, oracle.geometry(), y, indices);

        assertArrayEquals(oracle.maxPool(x).indices(), indices, oracle + " indices");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesDirectScatter(PoolOracle oracle) {
        double[] x = randomDoubles(oracle.inputSize(), 4);
        double[] dy = randomDoubles(oracle.outputSize(), 5);
        double[] y = new double[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];
        MaxPool2dKernel.forward(x, oracle.geometry(), y, indices);
        double[] dx = new double[oracle.inputSize()];
        float[] floatDx = new float[oracle.inputSize()];

        MaxPool2dKernel.backward(dy, indices, oracle.geometry(), dx);
        MaxPool2dKernel.backward(toFloats(dy), indices, oracle.geometry(), floatDx);

        double[] expected = oracle.maxPoolGradient(oracle.maxPool(x).indices(), dy);
        assertClose(oracle + " dx", expected, dx, 1e-15, 0);
        assertClose(oracle + " float dx", expected, toDoubles(floatDx), 1e-6, 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(PoolOracle oracle) {
        PoolGeometry geometry = oracle.geometry();
        double[] x = randomDoubles(oracle.inputSize(), 6);
        double[] dy = randomDoubles(oracle.outputSize(), 7);
        double[] y = new double[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];
        MaxPool2dKernel.forward(x, geometry, y, indices);
        double[] dx = new double[oracle.inputSize()];
        MaxPool2dKernel.backward(dy, indices, geometry, dx);

        // Random values differ by far more than the step, so no window changes its winner.
        double step = 1e-7;
        for (int index = 0; index < x.length; index++) {
            double saved = x[index];
            x[index] = saved + step;
            double plus = weightedSum(x, dy, geometry);
            x[index] = saved - step;
            double minus = weightedSum(x, dy, geometry);
            x[index] = saved;
            assertEquals((plus - minus) / (2 * step), dx[index], 1e-6, oracle + " dx[" + index + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parallelResultsAreBitIdentical(PoolOracle oracle) {
        PoolGeometry geometry = oracle.geometry();
        float[] x = toFloats(randomDoubles(oracle.inputSize(), 8));
        float[] dy = toFloats(randomDoubles(oracle.outputSize(), 9));
        float[] sequentialY = new float[oracle.outputSize()];
        float[] parallelY = new float[oracle.outputSize()];
        int[] sequentialIndices = new int[oracle.outputSize()];
        int[] parallelIndices = new int[oracle.outputSize()];
        float[] sequentialDx = new float[oracle.inputSize()];
        float[] parallelDx = new float[oracle.inputSize()];

        MaxPool2dKernel.forward(x, geometry, sequentialY, sequentialIndices);
        MaxPool2dKernel.forward(x, geometry, parallelY, parallelIndices, pool);
        MaxPool2dKernel.backward(dy, sequentialIndices, geometry, sequentialDx);
        MaxPool2dKernel.backward(dy, parallelIndices, geometry, parallelDx, pool);

        assertArrayEquals(sequentialY, parallelY, oracle + " y");
        assertArrayEquals(sequentialIndices, parallelIndices, oracle + " indices");
        assertArrayEquals(sequentialDx, parallelDx, oracle + " dx");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"24, 24", "9, 22", "8, 8", "5, 7", "2, 2"})
    void pairWindowsHandleTiesAndNans(int height, int width) {
        // 2x2 windows at stride 2 take an unrolled loop; values from a few levels make ties common.
        PoolOracle oracle = new PoolOracle(3, 4, height, width, Window2d.square(2, 2, 0, 1), false);
        double[] levels = {Double.NaN, Double.NEGATIVE_INFINITY, -1, 0, 2, Double.POSITIVE_INFINITY};
        Random random = new Random(5);
        double[] x = new double[oracle.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = levels[random.nextInt(levels.length)];
        }
        PoolOracle.MaxResult expected = oracle.maxPool(x);
        double[] y = new double[oracle.outputSize()];
        int[] indices = new int[oracle.outputSize()];
        float[] floatY = new float[oracle.outputSize()];
        int[] floatIndices = new int[oracle.outputSize()];

        MaxPool2dKernel.forward(x, oracle.geometry(), y, indices);
        MaxPool2dKernel.forward(toFloats(x), oracle.geometry(), floatY, floatIndices);

        assertArrayEquals(expected.values(), y, "y");
        assertArrayEquals(expected.indices(), indices, "indices");
        assertArrayEquals(expected.values(), toDoubles(floatY), "float y");
        assertArrayEquals(expected.indices(), floatIndices, "float indices");
    }

    @Test
    void tieInWindowPicksFirstCell() {
        // One 2x2 window over [[5, 5], [5, 5]], then [[1, 7], [7, 7]].
        double[] x = {5, 5, 5, 5, 1, 7, 7, 7};
        PoolGeometry geometry = new PoolGeometry(1, 2, 2, 2, Window2d.square(2, 2, 0, 1), false);
        double[] y = new double[2];
        int[] indices = new int[2];

        MaxPool2dKernel.forward(x, geometry, y, indices);

        assertArrayEquals(new double[] {5, 7}, y);
        assertArrayEquals(new int[] {0, 1}, indices);
    }

    @Test
    void paddingNeverWinsOverNegativeInputs() {
        // All inputs are -5, so padding would win if it counted as 0.
        double[] x = {-5, -5, -5, -5, -5, -5, -5, -5, -5};
        PoolGeometry geometry = new PoolGeometry(1, 1, 3, 3, Window2d.square(2, 2, 1, 1), false);
        double[] y = new double[4];
        int[] indices = new int[4];

        MaxPool2dKernel.forward(x, geometry, y, indices);

        assertArrayEquals(new double[] {-5, -5, -5, -5}, y);
        // First input cell of each window: (0,0), (0,1), (1,0), (1,1).
        assertArrayEquals(new int[] {0, 1, 3, 4}, indices);
    }

    @Test
    void negativeInfinityWindowPicksFirstCell() {
        double inf = Double.NEGATIVE_INFINITY;
        double[] x = {inf, inf, inf, inf};
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 2, Window2d.square(2, 1, 1, 1), false);
        double[] y = new double[9];
        int[] indices = new int[9];

        MaxPool2dKernel.forward(x, geometry, y, indices);

        for (int out = 0; out < 9; out++) {
            assertEquals(inf, y[out], "y[" + out + "]");
        }
        // Window (oh, ow) starts at input (oh - 1, ow - 1), clipped to the input.
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1, 2, 2, 3}, indices);
    }

    @Test
    void nanWinsOverLargerValues() {
        double[] x = {1, Double.NaN, 100, Double.POSITIVE_INFINITY};
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 2, Window2d.square(2, 2, 0, 1), false);
        double[] y = new double[1];
        int[] indices = new int[1];
        float[] floatY = new float[1];
        int[] floatIndices = new int[1];

        MaxPool2dKernel.forward(x, geometry, y, indices);
        MaxPool2dKernel.forward(toFloats(x), geometry, floatY, floatIndices);

        assertTrue(Double.isNaN(y[0]), "y is " + y[0]);
        assertEquals(1, indices[0]);
        assertTrue(Float.isNaN(floatY[0]), "float y is " + floatY[0]);
        assertEquals(1, floatIndices[0]);
    }

    @Test
    void lastNanWinsAmongSeveral() {
        // PyTorch 1.13's CPU kernel replaces the current maximum on every NaN it meets.
        double[] x = {Double.NaN, 3, Double.NaN, 2};
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 2, Window2d.square(2, 2, 0, 1), false);
        double[] y = new double[1];
        int[] indices = new int[1];

        MaxPool2dKernel.forward(x, geometry, y, indices);

        assertTrue(Double.isNaN(y[0]), "y is " + y[0]);
        assertEquals(2, indices[0]);
    }

    @Test
    void nanGradientGoesToNanCell() {
        double[] x = {0.5, 0.25, 4, Double.NaN, 1, 2};
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 3, Window2d.square(2, 1, 0, 1), false);
        double[] y = new double[2];
        int[] indices = new int[2];
        MaxPool2dKernel.forward(x, geometry, y, indices);
        double[] dx = new double[6];

        MaxPool2dKernel.backward(new double[] {10, 20}, indices, geometry, dx);

        // Window 0 contains the NaN at (1, 0). Window 1 has no NaN, and its maximum 4 is at (0, 2).
        assertArrayEquals(new int[] {3, 2}, indices);
        assertArrayEquals(new double[] {0, 0, 20, 10, 0, 0}, dx);
    }

    @Test
    void overlappingWindowsAddGradients() {
        // The peak at (2, 2) lies in all four 3x3 windows of stride 2, so it wins each of them.
        double[] x = new double[25];
        x[12] = 9;
        PoolGeometry geometry = new PoolGeometry(1, 1, 5, 5, Window2d.square(3, 2, 0, 1), false);
        double[] y = new double[4];
        int[] indices = new int[4];
        MaxPool2dKernel.forward(x, geometry, y, indices);
        double[] dx = new double[25];

        MaxPool2dKernel.backward(new double[] {1, 2, 3, 4}, indices, geometry, dx);

        assertArrayEquals(new int[] {12, 12, 12, 12}, indices);
        assertEquals(10, dx[12]);
    }

    @Test
    void windowWithoutInputGivesNoIndex() {
        // Kernel 2 with dilation 3 and padding 1 on 2 cells reads positions -1 and 2 only.
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 2, Window2d.square(2, 1, 1, 3), false);
        double[] y = new double[1];
        int[] indices = new int[1];
        double[] dx = {1, 1, 1, 1};

        MaxPool2dKernel.forward(new double[] {1, 2, 3, 4}, geometry, y, indices);
        MaxPool2dKernel.backward(new double[] {5}, indices, geometry, dx);

        assertEquals(Double.NEGATIVE_INFINITY, y[0]);
        assertEquals(MaxPool2dKernel.NO_INDEX, indices[0]);
        assertArrayEquals(new double[] {1, 1, 1, 1}, dx);
    }

    @Test
    void backwardRejectsIndexOutsidePlane() {
        PoolGeometry geometry = new PoolGeometry(1, 2, 2, 2, Window2d.square(2, 2, 0, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MaxPool2dKernel.backward(new double[2], new int[] {0, 4}, geometry, new double[8]));

        assertEquals("maxpool2d backward: indices[1] = 4 in plane 1 is outside the input plane of "
                + "4 cells; pass the indices returned by forward", error.getMessage());
    }

    @Test
    void forwardRejectsWrongIndicesLength() {
        PoolGeometry geometry = new PoolGeometry(1, 1, 4, 4, Window2d.square(2, 2, 0, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MaxPool2dKernel.forward(new float[16], geometry, new float[4], new int[3]));

        assertTrue(error.getMessage().startsWith("maxpool2d forward: indices has 3 elements, but "
                + "PoolGeometry[input=[1, 1, 4, 4], output=2x2"), error.getMessage());
        assertTrue(error.getMessage().endsWith("needs exactly 4"), error.getMessage());
    }

    /** Returns sum(maxpool(x) * dy). */
    private static double weightedSum(double[] x, double[] dy, PoolGeometry geometry) {
        double[] y = new double[dy.length];
        MaxPool2dKernel.forward(x, geometry, y, new int[dy.length]);
        double sum = 0;
        for (int index = 0; index < y.length; index++) {
            if (Double.isFinite(y[index])) {
                sum += y[index] * dy[index];
            }
        }
        return sum;
    }
}
