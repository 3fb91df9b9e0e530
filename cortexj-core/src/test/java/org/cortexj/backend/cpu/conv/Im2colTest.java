package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.TestArrays.assertClose;
import static org.cortexj.backend.cpu.conv.TestArrays.randomDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * im2col and col2im, checked through a naive GEMM against direct convolution loops, which give
 * the forward output and every gradient of L = sum(y * dy).
 */
class Im2colTest {

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static Stream<ConvOracle> cases() {
        return ConvCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatchesDirectConvolution(ConvOracle conv) {
        double[] x = randomDoubles(conv.inputSize(), 1);
        double[] weight = randomDoubles(conv.weightSize(), 2);
        double[] bias = randomDoubles(conv.outChannels, 3);

        double[] y = convolveThroughColumns(conv, x, weight, bias);

        assertClose(conv + " y", conv.forward(x, weight, bias), y, 1e-12, 1e-13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesDirectDerivatives(ConvOracle conv) {
        ConvGeometry geometry = conv.geometry();
        double[] x = randomDoubles(conv.inputSize(), 4);
        double[] weight = randomDoubles(conv.weightSize(), 5);
        double[] dy = randomDoubles(conv.outputSize(), 6);
        int k = geometry.columnRows();
        int columns = geometry.columnCols();

        double[] col = new double[geometry.columnSize()];
        Im2col.im2col(x, geometry, col);
        double[] dyRows = nchwToRows(conv, dy);
        double[] dWeight = Matrices.multiplyTransposedRight(dyRows, col, conv.outChannels, columns, k);
        double[] dcol = Matrices.multiplyTransposedLeft(weight, dyRows, k, conv.outChannels, columns);
        double[] dx = new double[conv.inputSize()];
        Col2im.col2im(dcol, geometry, dx);

        assertClose(conv + " dweight", conv.weightGradient(x, dy), dWeight, 1e-12, 1e-13);
        assertClose(conv + " dx", conv.inputGradient(weight, dy), dx, 1e-12, 1e-13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatPathMatchesDoubleOracle(ConvOracle conv) {
        ConvGeometry geometry = conv.geometry();
        float[] x = toFloats(randomDoubles(conv.inputSize(), 7));
        float[] weight = toFloats(randomDoubles(conv.weightSize(), 8));
        float[] dy = toFloats(randomDoubles(conv.outputSize(), 9));
        int k = geometry.columnRows();
        int columns = geometry.columnCols();

        float[] col = new float[geometry.columnSize()];
        Im2col.im2col(x, geometry, col);
        float[] yRows = Matrices.multiply(weight, col, conv.outChannels, k, columns);
        float[] dyRows = toFloats(nchwToRows(conv, toDoubles(dy)));
        float[] dcol = Matrices.multiplyTransposedLeft(weight, dyRows, k, conv.outChannels, columns);
        float[] dx = new float[conv.inputSize()];
        Col2im.col2im(dcol, geometry, dx);

        double[] expectedY = conv.forward(toDoubles(x), toDoubles(weight), null);
        double[] expectedDx = conv.inputGradient(toDoubles(weight), toDoubles(dy));
        assertClose(conv + " float y", expectedY, rowsToNchw(conv, toDoubles(yRows), null), 1e-4, 1e-5);
        assertClose(conv + " float dx", expectedDx, toDoubles(dx), 1e-4, 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void col2imIsAdjointOfIm2col(ConvOracle conv) {
        ConvGeometry geometry = conv.geometry();
        double[] x = randomDoubles(conv.inputSize(), 10);
        double[] c = randomDoubles(geometry.columnSize(), 11);

        double[] col = new double[geometry.columnSize()];
        Im2col.im2col(x, geometry, col);
        double[] folded = new double[conv.inputSize()];
        Col2im.col2im(c, geometry, folded);

        // <im2col(x), c> = <x, col2im(c)> for every x and c exactly when col2im is the adjoint.
        double left = dot(col, c);
        double right = dot(x, folded);
        assertEquals(left, right, 1e-12 * (1 + Math.abs(left)), conv.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parallelResultsAreBitIdentical(ConvOracle conv) {
        ConvGeometry geometry = conv.geometry();
        double[] x = randomDoubles(conv.inputSize(), 12);
        double[] c = randomDoubles(geometry.columnSize(), 13);

        double[] sequentialCol = new double[geometry.columnSize()];
        double[] parallelCol = new double[geometry.columnSize()];
        Im2col.im2col(x, geometry, sequentialCol);
        Im2col.im2col(x, geometry, parallelCol, pool);
        double[] sequentialDx = new double[conv.inputSize()];
        double[] parallelDx = new double[conv.inputSize()];
        Col2im.col2im(c, geometry, sequentialDx);
        Col2im.col2im(c, geometry, parallelDx, pool);
        float[] sequentialFloatDx = new float[conv.inputSize()];
        float[] parallelFloatDx = new float[conv.inputSize()];
        Col2im.col2im(toFloats(c), geometry, sequentialFloatDx);
        Col2im.col2im(toFloats(c), geometry, parallelFloatDx, pool);

        assertArrayEquals(sequentialCol, parallelCol, conv + " im2col");
        assertArrayEquals(sequentialDx, parallelDx, conv + " col2im");
        assertArrayEquals(sequentialFloatDx, parallelFloatDx, conv + " float col2im");
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        ConvOracle conv = new ConvOracle(2, 2, 5, 6, 3, new Window2d(3, 2, 2, 1, 1, 1, 1, 2));
        ConvGeometry geometry = conv.geometry();
        double[] x = randomDoubles(conv.inputSize(), 14);
        double[] weight = randomDoubles(conv.weightSize(), 15);
        double[] dy = randomDoubles(conv.outputSize(), 16);
        double[] dx = new double[conv.inputSize()];
        Col2im.col2im(Matrices.multiplyTransposedLeft(weight, nchwToRows(conv, dy),
                geometry.columnRows(), conv.outChannels, geometry.columnCols()), geometry, dx);

        double step = 1e-6;
        for (int index = 0; index < x.length; index++) {
            double saved = x[index];
            x[index] = saved + step;
            double plus = dot(convolveThroughColumns(conv, x, weight, null), dy);
            x[index] = saved - step;
            double minus = dot(convolveThroughColumns(conv, x, weight, null), dy);
            x[index] = saved;
            assertEquals((plus - minus) / (2 * step), dx[index], 1e-7, "dx[" + index + "]");
        }
    }

    @Test
    void im2colMatchesHandExample() {
        // Two 3x3 images, the second equal to the first plus 10. Kernel 2x2, stride 1, no padding.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        ConvGeometry geometry = new ConvGeometry(2, 1, 3, 3, Window2d.square(2));
        double[] col = new double[geometry.columnSize()];

        Im2col.im2col(x, geometry, col);

        // Each row is one tap (i, j). Its columns are image 0 at (0,0) (0,1) (1,0) (1,1), then image 1.
        double[] expected = {
            1, 2, 4, 5, 11, 12, 14, 15,
            2, 3, 5, 6, 12, 13, 15, 16,
            4, 5, 7, 8, 14, 15, 17, 18,
            5, 6, 8, 9, 15, 16, 18, 19};
        assertArrayEquals(expected, col);
    }

    @Test
    void im2colWritesZerosForPadding() {
        // One 2x2 image, kernel 2x2 with padding 1 and stride 2: each window contains one input cell.
        double[] x = {1, 2, 3, 4};
        ConvGeometry geometry = new ConvGeometry(1, 1, 2, 2, Window2d.square(2, 2, 1, 1));
        double[] col = new double[geometry.columnSize()];
        Arrays.fill(col, Double.NaN);

        Im2col.im2col(x, geometry, col);

        double[] expected = {
            0, 0, 0, 4,
            0, 0, 3, 0,
            0, 2, 0, 0,
            1, 0, 0, 0};
        assertArrayEquals(expected, col);
    }

    @Test
    void columnBufferTailStaysUntouched() {
        ConvGeometry geometry = new ConvGeometry(1, 1, 3, 3, Window2d.square(2));
        double[] col = new double[geometry.columnSize() + 2];
        col[col.length - 2] = 7;
        col[col.length - 1] = 8;

        Im2col.im2col(randomDoubles(9, 17), geometry, col);

        assertEquals(7, col[col.length - 2]);
        assertEquals(8, col[col.length - 1]);
    }

    @Test
    void col2imAddsToExistingValues() {
        ConvGeometry geometry = new ConvGeometry(1, 1, 3, 3, Window2d.square(2));
        double[] col = new double[geometry.columnSize()];
        Arrays.fill(col, 1);
        float[] floatDx = new float[9];
        double[] dx = new double[9];
        Arrays.fill(dx, 0.5);
        Arrays.fill(floatDx, 0.5f);

        Col2im.col2im(col, geometry, dx);
        Col2im.col2im(toFloats(col), geometry, floatDx);

        // Cell (h, w) lies in as many 2x2 windows as the count below.
        double[] coverage = {1, 2, 1, 2, 4, 2, 1, 2, 1};
        for (int index = 0; index < 9; index++) {
            assertEquals(0.5 + coverage[index], dx[index], "dx[" + index + "]");
            assertEquals(0.5f + (float) coverage[index], floatDx[index], "float dx[" + index + "]");
        }
    }

    @Test
    void im2colRejectsWrongInputLength() {
        ConvGeometry geometry = new ConvGeometry(2, 3, 7, 9, Window2d.square(3));
        double[] col = new double[geometry.columnSize()];

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(new double[100], geometry, col));

        assertTrue(error.getMessage().startsWith("im2col: x has 100 elements"), error.getMessage());
        assertTrue(error.getMessage().contains("needs exactly 378"), error.getMessage());
    }

    @Test
    void im2colRejectsShortColumnBuffer() {
        ConvGeometry geometry = new ConvGeometry(1, 1, 3, 3, Window2d.square(2));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(new float[9], geometry, new float[15]));

        assertTrue(error.getMessage().startsWith("im2col: col has 15 elements"), error.getMessage());
        assertTrue(error.getMessage().contains("needs at least 16"), error.getMessage());
    }

    @Test
    void col2imRejectsWrongGradientLength() {
        ConvGeometry geometry = new ConvGeometry(1, 1, 3, 3, Window2d.square(2));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Col2im.col2im(new double[16], geometry, new double[10]));

        assertTrue(error.getMessage().startsWith("col2im: dx has 10 elements"), error.getMessage());
    }

    @Test
    void emptyBatchLeavesArraysAlone() {
        ConvGeometry geometry = new ConvGeometry(0, 2, 4, 4, Window2d.square(3, 1, 1, 1));
        double[] col = new double[0];
        double[] dx = new double[0];

        Im2col.im2col(new double[0], geometry, col, pool);
        Col2im.col2im(col, geometry, dx, pool);

        assertEquals(0, geometry.columnSize());
        assertEquals(0, dx.length);
    }

    /** Runs the forward pass as im2col, the naive GEMM W · col, and the reorder with bias. */
    private static double[] convolveThroughColumns(ConvOracle conv, double[] x, double[] weight,
            double[] bias) {
        ConvGeometry geometry = conv.geometry();
        double[] col = new double[geometry.columnSize()];
        Im2col.im2col(x, geometry, col);
        double[] rows = Matrices.multiply(weight, col, conv.outChannels, geometry.columnRows(),
                geometry.columnCols());
        return rowsToNchw(conv, rows, bias);
    }

    /** Reorders [Cout, N * P] to [N, Cout, P] and adds the bias, written out for the test. */
    static double[] rowsToNchw(ConvOracle conv, double[] rows, double[] bias) {
        int plane = conv.outputHeight * conv.outputWidth;
        double[] y = new double[conv.outputSize()];
        for (int n = 0; n < conv.batch; n++) {
            for (int co = 0; co < conv.outChannels; co++) {
                for (int p = 0; p < plane; p++) {
                    double shift = bias == null ? 0 : bias[co];
                    y[(n * conv.outChannels + co) * plane + p] = rows[(co * conv.batch + n) * plane + p] + shift;
                }
            }
        }
        return y;
    }

    /** Reorders [N, Cout, P] to [Cout, N * P], written out for the test. */
    static double[] nchwToRows(ConvOracle conv, double[] dy) {
        int plane = conv.outputHeight * conv.outputWidth;
        double[] rows = new double[conv.outputSize()];
        for (int n = 0; n < conv.batch; n++) {
            for (int co = 0; co < conv.outChannels; co++) {
                for (int p = 0; p < plane; p++) {
                    rows[(co * conv.batch + n) * plane + p] = dy[(n * conv.outChannels + co) * plane + p];
                }
            }
        }
        return rows;
    }

    static double dot(double[] left, double[] right) {
        double sum = 0;
        for (int index = 0; index < left.length; index++) {
            sum += left[index] * right[index];
        }
        return sum;
    }
}
