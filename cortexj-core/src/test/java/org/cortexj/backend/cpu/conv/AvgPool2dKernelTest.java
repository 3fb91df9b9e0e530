package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.TestArrays.assertClose;
import static org.cortexj.backend.cpu.conv.TestArrays.randomDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Average pooling forward and backward against the direct-loop oracle and hand examples. */
class AvgPool2dKernelTest {

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static Stream<Arguments> cases() {
        return PoolOracle.denseCases().flatMap(oracle -> Stream.of(
                Arguments.of(oracle, true), Arguments.of(oracle, false)));
    }

    @ParameterizedTest(name = "{0} countIncludePad={1}")
    @MethodSource("cases")
    void forwardMatchesNaiveLoop(PoolOracle oracle, boolean countIncludePad) {
        double[] x = randomDoubles(oracle.inputSize(), 1);
        double[] y = new double[oracle.outputSize()];
        float[] floatY = new float[oracle.outputSize()];

        AvgPool2dKernel.forward(x, oracle.geometry(), countIncludePad, y);
        AvgPool2dKernel.forward(toFloats(x), oracle.geometry(), countIncludePad, floatY);

        double[] expected = oracle.avgPool(x, countIncludePad);
        assertClose(oracle + " y", expected, y, 1e-14, 1e-15);
        assertClose(oracle + " float y", expected, toDoubles(floatY), 1e-5, 1e-6);
    }

    @ParameterizedTest(name = "{0} countIncludePad={1}")
    @MethodSource("cases")
    void backwardMatchesDirectSpread(PoolOracle oracle, boolean countIncludePad) {
        double[] dy = randomDoubles(oracle.outputSize(), 2);
        double[] dx = new double[oracle.inputSize()];
        float[] floatDx = new float[oracle.inputSize()];

        AvgPool2dKernel.backward(dy, oracle.geometry(), countIncludePad, dx);
        AvgPool2dKernel.backward(toFloats(dy), oracle.geometry(), countIncludePad, floatDx);

        double[] expected = oracle.avgPoolGradient(dy, countIncludePad);
        assertClose(oracle + " dx", expected, dx, 1e-14, 1e-15);
        assertClose(oracle + " float dx", expected, toDoubles(floatDx), 1e-5, 1e-6);
    }

    @ParameterizedTest(name = "{0} countIncludePad={1}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(PoolOracle oracle, boolean countIncludePad) {
        PoolGeometry geometry = oracle.geometry();
        double[] x = randomDoubles(oracle.inputSize(), 3);
        double[] dy = randomDoubles(oracle.outputSize(), 4);
        double[] dx = new double[oracle.inputSize()];
        AvgPool2dKernel.backward(dy, geometry, countIncludePad, dx);

        double step = 1e-5;
        for (int index = 0; index < x.length; index++) {
            double saved = x[index];
            x[index] = saved + step;
            double plus = weightedSum(x, dy, geometry, countIncludePad);
            x[index] = saved - step;
            double minus = weightedSum(x, dy, geometry, countIncludePad);
            x[index] = saved;
            assertEquals((plus - minus) / (2 * step), dx[index], 1e-8, oracle + " dx[" + index + "]");
        }
    }

    @ParameterizedTest(name = "{0} countIncludePad={1}")
    @MethodSource("cases")
    void parallelResultsAreBitIdentical(PoolOracle oracle, boolean countIncludePad) {
        PoolGeometry geometry = oracle.geometry();
        float[] x = toFloats(randomDoubles(oracle.inputSize(), 5));
        float[] dy = toFloats(randomDoubles(oracle.outputSize(), 6));
        float[] sequentialY = new float[oracle.outputSize()];
        float[] parallelY = new float[oracle.outputSize()];
        float[] sequentialDx = new float[oracle.inputSize()];
        float[] parallelDx = new float[oracle.inputSize()];

        AvgPool2dKernel.forward(x, geometry, countIncludePad, sequentialY);
        AvgPool2dKernel.forward(x, geometry, countIncludePad, parallelY, pool);
        AvgPool2dKernel.backward(dy, geometry, countIncludePad, sequentialDx);
        AvgPool2dKernel.backward(dy, geometry, countIncludePad, parallelDx, pool);

        assertArrayEquals(sequentialY, parallelY, oracle + " y");
        assertArrayEquals(sequentialDx, parallelDx, oracle + " dx");
    }

    @Test
    void ceilModeDivisorsMatchHandValues() {
        // x = 1..16 as 4x4, kernel 3, stride 2, padding 1, ceil mode: 3x3 outputs. Along each
        // axis, window 0 covers -1..1 (3 padded cells, 2 inputs) and window 1 covers 1..3 (3, 3).
        // Window 2 covers 3..5: 3 is input, 4 is padding, and 5 lies past the padded input, so
        // it has 2 padded cells and 1 input.
        double[] x = new double[16];
        for (int index = 0; index < 16; index++) {
            x[index] = index + 1;
        }
        PoolGeometry geometry = new PoolGeometry(1, 1, 4, 4, Window2d.square(3, 2, 1, 1), true);
        double[] include = new double[9];
        double[] exclude = new double[9];

        AvgPool2dKernel.forward(x, geometry, true, include);
        AvgPool2dKernel.forward(x, geometry, false, exclude);

        // Window (0, 0) sums 1 + 2 + 5 + 6 = 14, and window (2, 2) contains only 16.
        assertEquals(14.0 / 9, include[0], 1e-15);
        assertEquals(14.0 / 4, exclude[0], 1e-15);
        assertEquals(16.0 / 4, include[8], 1e-15);
        assertEquals(16.0, exclude[8], 1e-15);
        // Window (1, 1) covers rows and columns 1..3: 6 + 7 + 8 + 10 + 11 + 12 + 14 + 15 + 16 = 99.
        assertEquals(99.0 / 9, include[4], 1e-15);
        assertEquals(99.0 / 9, exclude[4], 1e-15);
        // Window (0, 2) covers rows -1..1 and columns 3..5: cells 4 and 8, padded count 3 * 2.
        assertEquals(12.0 / 6, include[2], 1e-15);
        assertEquals(12.0 / 2, exclude[2], 1e-15);
    }

    @Test
    void backwardAddsToExistingValues() {
        PoolGeometry geometry = new PoolGeometry(1, 1, 2, 2, Window2d.square(2, 2, 0, 1), false);
        double[] dx = {1, 2, 3, 4};

        AvgPool2dKernel.backward(new double[] {8}, geometry, true, dx);

        assertArrayEquals(new double[] {3, 4, 5, 6}, dx);
    }

    @Test
    void forwardRejectsDilation() {
        PoolGeometry geometry = new PoolGeometry(1, 1, 5, 5, Window2d.square(2, 1, 0, 2), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AvgPool2dKernel.forward(new double[25], geometry, true, new double[9]));

        assertEquals("avgpool2d forward: dilation must be 1, got dilationHeight 2 and dilationWidth 2;"
                + " average pooling has no dilation", error.getMessage());
    }

    @Test
    void backwardRejectsWrongGradientLength() {
        PoolGeometry geometry = new PoolGeometry(1, 1, 4, 4, Window2d.square(2, 2, 0, 1), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AvgPool2dKernel.backward(new double[5], geometry, false, new double[16]));

        assertEquals("avgpool2d backward: dy has 5 elements, but " + geometry + " needs exactly 4",
                error.getMessage());
    }

    /** Returns sum(avgpool(x) * dy). */
    private static double weightedSum(double[] x, double[] dy, PoolGeometry geometry,
            boolean countIncludePad) {
        double[] y = new double[dy.length];
        AvgPool2dKernel.forward(x, geometry, countIncludePad, y);
        return Im2colTest.dot(y, dy);
    }
}
