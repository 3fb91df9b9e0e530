package org.cortexj.nn.functional;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolingTest {

    /** Output size per axis with PyTorch's rounding rule. */
    private static int outputSize(int size, int kernel, int stride, int padding, int dilation, boolean ceil) {
        int span = size + 2 * padding - dilation * (kernel - 1) - 1;
        int count = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceil && (count - 1) * stride >= size + padding) {
            count--;
        }
        return count;
    }

    /** Naive max pooling of one [H, W] plane; returns values followed by indices. */
    private static double[][] naiveMaxPool(double[] plane, int h, int w, int k, int s, int p, int d, boolean ceil) {
        int outH = outputSize(h, k, s, p, d, ceil);
        int outW = outputSize(w, k, s, p, d, ceil);
        double[] values = new double[outH * outW];
        double[] indices = new double[outH * outW];
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestIndex = -1;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int ih = oh * s - p + i * d;
                        int iw = ow * s - p + j * d;
                        if (ih >= 0 && ih < h && iw >= 0 && iw < w && (bestIndex < 0 || plane[ih * w + iw] > best)) {
                            best = plane[ih * w + iw];
                            bestIndex = ih * w + iw;
                        }
                    }
                }
                values[oh * outW + ow] = best;
                indices[oh * outW + ow] = bestIndex;
            }
        }
        return new double[][] {values, indices};
    }

    /** Naive average pooling of one [H, W] plane with PyTorch's divisor rule. */
    private static double[] naiveAvgPool(double[] plane, int h, int w, int k, int s, int p, boolean ceil,
            boolean countIncludePad) {
        int outH = outputSize(h, k, s, p, 1, ceil);
        int outW = outputSize(w, k, s, p, 1, ceil);
        double[] values = new double[outH * outW];
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                int rowStart = oh * s - p;
                int colStart = ow * s - p;
                int paddedRows = Math.min(rowStart + k, h + p) - rowStart;
                int paddedColumns = Math.min(colStart + k, w + p) - colStart;
                int paddedCells = paddedRows * paddedColumns;
                double sum = 0;
                int inputCells = 0;
                for (int ih = Math.max(rowStart, 0); ih < Math.min(rowStart + k, h); ih++) {
                    for (int iw = Math.max(colStart, 0); iw < Math.min(colStart + k, w); iw++) {
                        sum += plane[ih * w + iw];
                        inputCells++;
                    }
                }
                values[oh * outW + ow] = sum / (countIncludePad ? paddedCells : inputCells);
            }
        }
        return values;
    }

    private static double[] plane(Tensor x, int n, int c) {
        return x.select(0, n).select(0, c).toDoubleArray();
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} dilation {3} ceil {4}")
    @CsvSource({
        "2, 2, 0, 1, false",
        "3, 2, 1, 1, false",
        "3, 2, 1, 1, true",
        "2, 3, 0, 1, true",
        "3, 1, 1, 2, false",
        "2, 2, 1, 2, true"
    })
    void maxPoolMatchesNaiveLoop(int k, int s, int p, int d, boolean ceil) {
        Tensor x = randomNormal(1, 2, 3, 7, 8);

        Pooling.MaxPoolResult result = Pooling.maxPool2dWithIndices(x, new int[] {k}, new int[] {s}, new int[] {p},
                new int[] {d}, ceil);

        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                double[][] expected = naiveMaxPool(plane(x, n, c), 7, 8, k, s, p, d, ceil);
                assertArrayEquals(expected[0], plane(result.values(), n, c), 0, "values of plane " + n + ", " + c);
                assertArrayEquals(expected[1], plane(result.indices(), n, c), 0, "indices of plane " + n + ", " + c);
            }
        }
        assertEquals(DataType.INT32, result.indices().dataType());
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} ceil {3} countIncludePad {4}")
    @CsvSource({
        "2, 2, 0, false, true",
        "3, 2, 1, false, true",
        "3, 2, 1, false, false",
        "3, 2, 1, true, true",
        "3, 2, 1, true, false",
        "2, 3, 1, true, true"
    })
    void avgPoolMatchesNaiveLoop(int k, int s, int p, boolean ceil, boolean countIncludePad) {
        Tensor x = randomNormal(2, 2, 3, 7, 8);

        Tensor y = Pooling.avgPool2d(x, new int[] {k}, new int[] {s}, new int[] {p}, ceil, countIncludePad);

        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                double[] expected = naiveAvgPool(plane(x, n, c), 7, 8, k, s, p, ceil, countIncludePad);
                assertArrayEquals(expected, plane(y, n, c), 1e-14, "plane " + n + ", " + c);
            }
        }
    }

    @Test
    void maxPoolTieGoesToFirstMaximum() {
        Tensor x = Tensor.of(new double[] {1, 5, 5, 2, 5, 0, 3, 5}, 1, 1, 2, 4).setRequiresGrad(true);

        Pooling.MaxPoolResult result = Pooling.maxPool2dWithIndices(x, new int[] {2}, new int[] {2},
                new int[] {0}, new int[] {1}, false);
        result.values().backward(Tensor.of(new double[] {10, 20}, 1, 1, 1, 2));

        assertArrayEquals(new int[] {1, 2}, result.indices().toIntArray());
        assertArrayEquals(new double[] {0, 10, 20, 0, 0, 0, 0, 0}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void poolingAcceptsOneImageWithoutBatch() {
        Tensor x = randomNormal(3, 2, 6, 6);

        Tensor max = Pooling.maxPool2d(x, 2, 2, 0);
        Tensor avg = Pooling.avgPool2d(x, 3, 1, 1);

        assertArrayEquals(new int[] {2, 3, 3}, max.shape().dims());
        assertArrayEquals(Pooling.maxPool2d(x.unsqueeze(0), 2, 2, 0).toDoubleArray(), max.toDoubleArray(), 0);
        assertArrayEquals(new int[] {2, 6, 6}, avg.shape().dims());
    }

    @Test
    void float32PoolingKeepsDataType() {
        Tensor x = randomNormal(4, 1, 2, 4, 4);

        Tensor y = Pooling.avgPool2d(x.toType(DataType.FLOAT32), 2, 2, 0);

        assertEquals(DataType.FLOAT32, y.dataType());
        assertArrayEquals(Pooling.avgPool2d(x, 2, 2, 0).toDoubleArray(), y.toDoubleArray(), 1e-6);
    }

    @Test
    void poolingRejectsExcessivePadding() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 1, 1, 6, 6);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Pooling.maxPool2d(x, 2, 2, 2));

        assertEquals("pool2d: paddingHeight 2 is more than half of kernelHeight 2; use padding of at most 1 "
                + "or a larger kernel", error.getMessage());
    }

    @Test
    void poolingRejectsMatrixInput() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 6, 6);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Pooling.avgPool2d(x, 2, 2, 0));

        assertEquals("avgpool2d: x must have rank 4 [N, C, H, W] (or 3 for [C, H, W]), got shape [6, 6]",
                error.getMessage());
    }
}
