package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.cortexj.tensor.TensorAssertions.assertValuesExact;
import static org.cortexj.tensor.TensorAssertions.iota;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.junit.jupiter.api.Test;

class ReductionTest {

    /** Reductions computed by a plain loop over every element, in double. */
    private enum Naive { SUM, MEAN, MAX, MIN, VARIANCE, SAMPLE_VARIANCE }

    private static final int[][] AXIS_SETS = {
        {0}, {1}, {2}, {-1}, {0, 1}, {0, 2}, {1, 2}, {2, 0}, {0, 1, 2}, {-3, -1}
    };

    // ---------------------------------------------------------------- against a naive loop

    @Test
    void sumMatchesNaiveLoop() {
        assertAgainstNaive(Naive.SUM);
    }

    @Test
    void meanMatchesNaiveLoop() {
        assertAgainstNaive(Naive.MEAN);
    }

    @Test
    void maxMatchesNaiveLoop() {
        assertAgainstNaive(Naive.MAX);
    }

    @Test
    void minMatchesNaiveLoop() {
        assertAgainstNaive(Naive.MIN);
    }

    @Test
    void varianceMatchesNaiveLoop() {
        assertAgainstNaive(Naive.VARIANCE);
        assertAgainstNaive(Naive.SAMPLE_VARIANCE);
    }

    private static void assertAgainstNaive(Naive op) {
        int[] shape = {3, 4, 5};
        double[] values = new double[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i * 1.7) * 10;
        }
        Tensor x = Tensor.of(values, shape);
        for (int[] axes : AXIS_SETS) {
            for (boolean keepDims : new boolean[] {false, true}) {
                Tensor result = reduce(op, x, axes, keepDims);

                assertArrayEquals(expectedShape(shape, axes, keepDims), result.shape().dims(),
                        op + " over " + Arrays.toString(axes) + " keepDims " + keepDims);
                assertValuesClose(naiveReduce(values, shape, axes, op), result, 1e-12);
            }
        }
    }

    private static Tensor reduce(Naive op, Tensor x, int[] axes, boolean keepDims) {
        return switch (op) {
            case SUM -> x.sum(axes, keepDims);
            case MEAN -> x.mean(axes, keepDims);
            case MAX -> x.max(axes, keepDims);
            case MIN -> x.min(axes, keepDims);
            case VARIANCE -> x.variance(axes, keepDims, 0);
            case SAMPLE_VARIANCE -> x.variance(axes, keepDims, 1);
        };
    }

    @Test
    void varargsAxesDropDims() {
        Tensor x = iota(2, 3, 4);

        assertShape(x.sum(1), 2, 4);
        assertShape(x.mean(0, 2), 3);
        assertShape(x.max(-1), 2, 3);
        assertShape(x.min(2, 0), 3);
        assertValuesExact(new double[] {0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19,
            8 + 9 + 10 + 11 + 20 + 21 + 22 + 23}, x.sum(0, 2));
    }

    @Test
    void allAxesGiveRankZero() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

        assertShape(x.sum(), new int[0]);
        assertEquals(21, x.sum().item());
        assertEquals(3.5, x.mean().item());
        assertEquals(6, x.max().item());
        assertEquals(1, x.min().item());
        assertEquals(35.0 / 12, x.variance().item(), 1e-15);
        assertShape(x.sum(new int[] {0, 1}, true), 1, 1);
        assertEquals(21, x.sum(new int[] {0, 1}, true).get(0, 0));
    }

    @Test
    void reductionOfRankZeroTensor() {
        Tensor scalar = Tensor.scalar(4, DataType.FLOAT64);

        assertEquals(4, scalar.sum().item());
        assertEquals(4, scalar.max().item());
        assertEquals(0, scalar.argmax().toIntArray()[0]);
    }

    @Test
    void handComputedValues() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 4);

        assertEquals(1.25, x.variance().item());
        assertEquals(5.0 / 3, x.variance(new int[] {0}, false, 1).item(), 1e-15);

        Tensor m = Tensor.matrix(new double[][] {{1, 5, 3}, {4, 2, 6}});
        assertValuesExact(new double[] {5, 7, 9}, m.sum(0));
        assertValuesExact(new double[] {3, 4}, m.mean(1));
        assertValuesExact(new double[] {4, 5, 6}, m.max(0));
        assertValuesExact(new double[] {1, 2}, m.min(1));
        assertValuesExact(new double[] {2.25, 2.25, 2.25}, m.variance(new int[] {0}, false, 0));
        assertValuesExact(new double[] {4.5, 4.5, 4.5}, m.variance(new int[] {0}, false, 1));
    }

    @Test
    void lazyAndFloat32Inputs() {
        Tensor x = Tensor.of(new float[] {1.5f, 2.5f, -1f}, 3);

        Tensor sum = x.mul(2).sum();

        assertEquals(DataType.FLOAT32, sum.dataType());
        assertEquals(6, sum.item());
        assertEquals(DataType.FLOAT32, x.mean().dataType());
        assertEquals(1, x.mean().item());
    }

    // ---------------------------------------------------------------- argmax and argmin

    @Test
    void argmaxFlatIndexAndAxis() {
        Tensor m = Tensor.matrix(new double[][] {{1, 9, 3}, {9, 2, 0}});

        Tensor flat = m.argmax();
        assertEquals(DataType.INT32, flat.dataType());
        assertShape(flat, new int[0]);
        assertArrayEquals(new int[] {1}, flat.toIntArray());
        assertArrayEquals(new int[] {5}, m.argmin().toIntArray());
        assertArrayEquals(new int[] {1, 0}, m.argmax(1, false).toIntArray());
        assertArrayEquals(new int[] {1, 0, 0}, m.argmax(0, false).toIntArray());
        assertArrayEquals(new int[] {0, 1, 1}, m.argmin(0, false).toIntArray());
        assertArrayEquals(new int[] {0, 2}, m.argmin(-1, false).toIntArray());
        assertShape(m.argmax(1, true), 2, 1);
        assertShape(m.argmin(0, true), 1, 3);
    }

    @Test
    void argExtremesPreferFirstTie() {
        Tensor x = Tensor.of(new double[] {2, 7, 7, 1, 1}, 5);

        assertArrayEquals(new int[] {1}, x.argmax().toIntArray());
        assertArrayEquals(new int[] {3}, x.argmin().toIntArray());
    }

    @Test
    void argExtremesPointAtNan() {
        Tensor x = Tensor.of(new double[] {2, 7, Double.NaN, 1, Double.NaN}, 5);

        assertArrayEquals(new int[] {2}, x.argmax().toIntArray());
        assertArrayEquals(new int[] {2}, x.argmin().toIntArray());
    }

    // ---------------------------------------------------------------- NaN, empty and size-1 axes

    @Test
    void nanPropagatesThroughReductions() {
        Tensor x = Tensor.matrix(new double[][] {{1, Double.NaN, 3}, {4, 5, 6}});

        assertValuesExact(new double[] {Double.NaN, 15}, x.sum(1));
        assertValuesExact(new double[] {Double.NaN, 5}, x.mean(1));
        assertValuesExact(new double[] {Double.NaN, 6}, x.max(1));
        assertValuesExact(new double[] {Double.NaN, 4}, x.min(1));
        assertValuesExact(new double[] {Double.NaN, 2.0 / 3}, x.variance(new int[] {1}, false, 0));
        assertValuesExact(new double[] {4, Double.NaN, 6}, x.max(0));
        assertTrue(Double.isNaN(x.min().item()));
        assertEquals(Double.POSITIVE_INFINITY,
                Tensor.of(new double[] {1, Double.POSITIVE_INFINITY}, 2).max().item());
    }

    @Test
    void emptyAxisSumAndMean() {
        Tensor x = Tensor.zeros(DataType.FLOAT64, 2, 0, 3);

        Tensor sum = x.sum(1);
        Tensor mean = x.mean(1);

        assertShape(sum, 2, 3);
        assertValuesExact(new double[6], sum);
        assertShape(mean, 2, 3);
        assertValuesExact(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, mean);
        assertEquals(0, x.sum().item());
        assertTrue(Double.isNaN(x.mean().item()));
        assertShape(x.sum(new int[] {1}, true), 2, 1, 3);
    }

    @Test
    void emptyAxisMaxNamesAxis() {
        Tensor x = Tensor.zeros(2, 0, 3);

        assertFailsWith(IllegalArgumentException.class, () -> x.max(1), "max: axis 1 of shape [2, 0, 3] is empty");
        assertFailsWith(IllegalArgumentException.class, () -> x.min(-2), "min: axis 1", "empty");
        assertFailsWith(IllegalArgumentException.class, () -> x.argmax(1, false), "argmax: axis 1");
        assertFailsWith(IllegalArgumentException.class, () -> x.max(), "max", "empty");
    }

    @Test
    void reducingNonEmptyAxisOfEmptyTensor() {
        Tensor x = Tensor.zeros(0, 3);

        assertShape(x.max(1), 0);
        assertShape(x.sum(1), 0);
        assertShape(x.mean(new int[] {1}, true), 0, 1);
    }

    @Test
    void sizeOneAxesReduceToThemselves() {
        Tensor x = iota(3, 1);

        assertValuesExact(new double[] {0, 1, 2}, x.sum(1));
        assertValuesExact(new double[] {0, 1, 2}, x.max(1));
        assertValuesExact(new double[] {0, 0, 0}, x.variance(new int[] {1}, false, 0));
        assertArrayEquals(new int[] {0, 0, 0}, x.argmax(1, false).toIntArray());
        assertShape(x.sum(new int[] {1}, true), 3, 1);
    }

    @Test
    void invalidAxesAreRejected() {
        Tensor x = iota(2, 3);

        assertFailsWith(IllegalArgumentException.class, () -> x.sum(0, 0), "appears twice");
        assertFailsWith(IllegalArgumentException.class, () -> x.sum(0, -2), "appears twice");
        assertFailsWith(IllegalArgumentException.class, () -> x.mean(2), "mean: axis 2 is out of range for rank 2");
        assertFailsWith(IllegalArgumentException.class, () -> x.variance(new int[] {0}, false, -1),
                "correction must be >= 0");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(DataType.INT32, 3).sum(), "int32");
    }

    // ---------------------------------------------------------------- accuracy

    @Test
    void float32SumOfTenMillion() {
        int size = 10_000_000;
        Tensor x = Tensor.uniform(new Generator(21), 0, 1, DataType.FLOAT32, size);
        float[] values = x.toFloatArray();
        double exact = 0;
        for (float value : values) {
            exact += value;
        }

        double sum = x.sum().item();
        double mean = x.mean().item();

        // A float32 running sum drifts by about 1e-3 relative here, and the float32 result itself
        // carries 6e-8. A tolerance of 1e-6 leaves room for blocked summation but not for a running sum.
        assertEquals(exact, sum, exact * 1e-6);
        assertEquals(exact / size, mean, exact / size * 1e-6);
    }

    // ---------------------------------------------------------------- helpers

    private static int[] expectedShape(int[] shape, int[] axes, boolean keepDims) {
        boolean[] reduced = reducedMask(shape.length, axes);
        int[] result = new int[shape.length];
        int count = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (!reduced[axis]) {
                result[count++] = shape[axis];
            } else if (keepDims) {
                result[count++] = 1;
            }
        }
        return Arrays.copyOf(result, count);
    }

    private static boolean[] reducedMask(int rank, int[] axes) {
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            reduced[axis < 0 ? axis + rank : axis] = true;
        }
        return reduced;
    }

    /** Groups elements by their coordinates on the kept axes, row-major, then reduces each group. */
    private static double[] naiveReduce(double[] values, int[] shape, int[] axes, Naive op) {
        boolean[] reduced = reducedMask(shape.length, axes);
        int outputSize = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            outputSize *= reduced[axis] ? 1 : shape[axis];
        }
        double[][] groups = new double[outputSize][values.length];
        int[] counts = new int[outputSize];
        int[] index = new int[shape.length];
        for (double value : values) {
            int group = 0;
            for (int axis = 0; axis < shape.length; axis++) {
                if (!reduced[axis]) {
                    group = group * shape[axis] + index[axis];
                }
            }
            groups[group][counts[group]++] = value;
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                if (++index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        double[] result = new double[outputSize];
        for (int g = 0; g < outputSize; g++) {
            result[g] = reduceGroup(Arrays.copyOf(groups[g], counts[g]), op);
        }
        return result;
    }

    private static double reduceGroup(double[] group, Naive op) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double value : group) {
            sum += value;
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        double mean = sum / group.length;
        double squares = 0;
        for (double value : group) {
            squares += (value - mean) * (value - mean);
        }
        return switch (op) {
            case SUM -> sum;
            case MEAN -> mean;
            case MAX -> max;
            case MIN -> min;
            case VARIANCE -> squares / group.length;
            case SAMPLE_VARIANCE -> squares / (group.length - 1);
        };
    }
}
