package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesExact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import org.cortexj.backend.Backend;
import org.cortexj.backend.DataType;
import org.cortexj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

class TensorCreationTest {

    private static final int SAMPLES = 1_000_000;

    // ---------------------------------------------------------------- constant tensors

    @Test
    void zerosOnesAndFullValues() {
        Tensor zeros = Tensor.zeros(2, 3);
        Tensor ones = Tensor.ones(DataType.FLOAT64, 4);
        Tensor sevens = Tensor.full(7.5, DataType.FLOAT32, 2, 2);

        assertShape(zeros, 2, 3);
        assertEquals(DataType.FLOAT32, zeros.dataType());
        assertValuesExact(new double[6], zeros);
        assertEquals(DataType.FLOAT64, ones.dataType());
        assertValuesExact(new double[] {1, 1, 1, 1}, ones);
        assertValuesExact(new double[] {7.5, 7.5, 7.5, 7.5}, sevens);
        assertEquals(DataType.FLOAT32, Tensor.ones(3).dataType());
    }

    @Test
    void fullKeepsSpecialValues() {
        assertValuesExact(new double[] {-0.0, -0.0}, Tensor.full(-0.0, DataType.FLOAT64, 2));
        assertValuesExact(new double[] {-0.0}, Tensor.full(-0.0, DataType.FLOAT32, 1));
        assertValuesExact(new double[] {Double.NaN, Double.NaN}, Tensor.full(Double.NaN, DataType.FLOAT32, 2));
        assertValuesExact(new double[] {Double.NEGATIVE_INFINITY}, Tensor.full(Double.NEGATIVE_INFINITY,
                DataType.FLOAT64, 1));
    }

    @Test
    void fullIntegerTruncatesTowardZero() {
        Tensor ints = Tensor.full(-3.7, DataType.INT32, 3);

        assertEquals(DataType.INT32, ints.dataType());
        assertArrayEquals(new int[] {-3, -3, -3}, ints.toIntArray());
    }

    @Test
    void scalarHasRankZero() {
        Tensor scalar = Tensor.scalar(2.5);

        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.size());
        assertEquals(2.5, scalar.item());
        assertEquals(2.5, scalar.get());
        assertEquals(DataType.FLOAT64, Tensor.scalar(1, DataType.FLOAT64).dataType());
    }

    @Test
    void emptyShapesHaveNoElements() {
        Tensor empty = Tensor.zeros(3, 0, 2);

        assertEquals(0, empty.size());
        assertEquals(0, empty.toDoubleArray().length);
        assertShape(Tensor.ones(0), 0);
        assertShape(Tensor.ones(3, 0), 3, 0);
        assertShape(Tensor.full(2, DataType.FLOAT64, 0, 4), 0, 4);
        assertShape(Tensor.zeros(3, 0).fill(1), 3, 0);
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, -1), "axis sizes must be >= 0");
    }

    @Test
    void likeCopiesShapeAndType() {
        Tensor source = Tensor.full(3, DataType.FLOAT64, 2, 5);

        Tensor zeros = source.zerosLike();
        Tensor ones = source.onesLike();

        assertShape(zeros, 2, 5);
        assertEquals(DataType.FLOAT64, ones.dataType());
        assertEquals(0, zeros.sum().item());
        assertEquals(10, ones.sum().item());
    }

    // ---------------------------------------------------------------- ranges

    @Test
    void arangeCountsUpToEnd() {
        assertValuesExact(new double[] {0, 1, 2, 3, 4}, Tensor.arange(5));
        assertEquals(DataType.FLOAT32, Tensor.arange(5).dataType());
        assertValuesExact(new double[] {1, 1.25, 1.5, 1.75}, Tensor.arange(1, 2, 0.25, DataType.FLOAT64));
        assertValuesExact(new double[] {-2, 1, 4}, Tensor.arange(-2, 5, 3, DataType.FLOAT64));
    }

    @Test
    void arangeWithNegativeStep() {
        assertValuesExact(new double[] {5, 3, 1}, Tensor.arange(5, 0, -2, DataType.FLOAT64));
        assertValuesExact(new double[] {0, -0.5, -1, -1.5}, Tensor.arange(0, -2, -0.5, DataType.FLOAT32));
    }

    @Test
    void arangeEmptyWhenRangeEmpty() {
        assertShape(Tensor.arange(3, 3, 1, DataType.FLOAT64), 0);
        assertShape(Tensor.arange(3, 0, 1, DataType.FLOAT64), 0);
        assertShape(Tensor.arange(0, 3, -1, DataType.FLOAT64), 0);
        assertShape(Tensor.arange(0), 0);
    }

    @Test
    void arangeRejectsInvalidStep() {
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0, DataType.FLOAT32),
                "step must be nonzero");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.arange(0, 1, Double.NaN, DataType.FLOAT32),
                "step");
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1, DataType.FLOAT32), "too many values");
    }

    @Test
    void linspaceHitsEndpointsExactly() {
        Tensor values = Tensor.linspace(0.1, 0.7, 7, DataType.FLOAT64);

        double[] array = values.toDoubleArray();
        assertEquals(0.1, array[0]);
        assertEquals(0.7, array[6]);
        for (int i = 1; i < 6; i++) {
            assertEquals(0.1 + i * 0.1, array[i], 1e-15);
        }
        float[] floats = Tensor.linspace(-1.3, 2.9, 11, DataType.FLOAT32).toFloatArray();
        assertEquals(-1.3f, floats[0]);
        assertEquals(2.9f, floats[10]);
        assertValuesExact(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5, DataType.FLOAT64));
        assertValuesExact(new double[] {3, 2, 1}, Tensor.linspace(3, 1, 3, DataType.FLOAT64));
    }

    @Test
    void linspaceSmallCounts() {
        assertValuesExact(new double[] {4}, Tensor.linspace(4, 9, 1, DataType.FLOAT64));
        assertShape(Tensor.linspace(4, 9, 0, DataType.FLOAT64), 0);
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, -1, DataType.FLOAT64),
                "count must be >= 0");
    }

    // ---------------------------------------------------------------- from data

    @Test
    void ofCopiesDataInRowMajorOrder() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Tensor tensor = Tensor.of(data, 2, 3);
        data[0] = 100;

        assertShape(tensor, 2, 3);
        assertEquals(1, tensor.get(0, 0));
        assertEquals(6, tensor.get(1, 2));
        assertEquals(4, tensor.get(-1, 0));
        assertEquals(DataType.FLOAT32, Tensor.of(new float[] {1}, 1).dataType());
        assertEquals(DataType.INT32, Tensor.of(new int[] {1}, 1).dataType());
        assertArrayEquals(new int[] {7, -2}, Tensor.of(new int[] {7, -2}, 2).toIntArray());
    }

    @Test
    void ofRejectsWrongLength() {
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3),
                "5 values do not fill shape [2, 3]", "needs 6");
    }

    @Test
    void matrixAndVectorFromRows() {
        Tensor matrix = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor floats = Tensor.matrix(new float[][] {{1.5f}, {2.5f}});
        Tensor vector = Tensor.vector(3, 4);

        assertShape(matrix, 2, 3);
        assertEquals(DataType.FLOAT64, matrix.dataType());
        assertEquals(6, matrix.get(1, 2));
        assertShape(floats, 2, 1);
        assertEquals(2.5, floats.get(1, 0));
        assertShape(vector, 2);
        assertValuesExact(new double[] {3, 4}, vector);
        assertShape(Tensor.matrix(new double[0][]), 0, 0);
    }

    @Test
    void matrixRejectsRaggedRows() {
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.matrix(new double[][] {{1, 2}, {3}}), "row 1 has 1 values but row 0 has 2");
    }

    // ---------------------------------------------------------------- random tensors

    @Test
    void sameSeedSameValues() {
        double[] first = Tensor.normal(new Generator(7), 0, 1, DataType.FLOAT64, 1000).toDoubleArray();
        double[] second = Tensor.normal(new Generator(7), 0, 1, DataType.FLOAT64, 1000).toDoubleArray();
        double[] otherSeed = Tensor.normal(new Generator(8), 0, 1, DataType.FLOAT64, 1000).toDoubleArray();

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, otherSeed));
    }

    @Test
    void consecutiveDrawsDiffer() {
        Generator generator = new Generator(3);
        double[] first = Tensor.uniform(generator, 0, 1, DataType.FLOAT64, 100).toDoubleArray();
        long position = generator.position();
        double[] second = Tensor.uniform(generator, 0, 1, DataType.FLOAT64, 100).toDoubleArray();

        assertEquals(100, position);
        assertFalse(Arrays.equals(first, second));

        generator.setPosition(position);
        assertArrayEquals(second, Tensor.uniform(generator, 0, 1, DataType.FLOAT64, 100).toDoubleArray());
    }

    @Test
    void randomValuesIgnoreWorkerCount() {
        assertArrayEquals(drawWithWorkers(1), drawWithWorkers(2));
    }

    private static float[][] drawWithWorkers(int workers) {
        Backend previous = DefaultBackend.get();
        DefaultBackend.set(new CpuBackend(workers, true));
        try {
            Generator generator = new Generator(11);
            Supplier<Tensor> normal = () -> Tensor.normal(generator, 1, 2, DataType.FLOAT32, 300, 301);
            return new float[][] {
                normal.get().toFloatArray(),
                Tensor.uniform(generator, -1, 1, DataType.FLOAT32, 70_000).toFloatArray(),
                Tensor.bernoulli(generator, 0.5, DataType.FLOAT32, 70_000).toFloatArray()
            };
        } finally {
            DefaultBackend.set(previous);
        }
    }

    @Test
    void uniformStaysInRange() {
        double low = -2;
        double high = 3;
        double[] values = Tensor.uniform(new Generator(5), low, high, DataType.FLOAT64, SAMPLES).toDoubleArray();

        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertTrue(min >= low, "min " + min);
        assertTrue(max < high, "max " + max);
        // The sample mean has standard deviation (high - low) / sqrt(12 n) = 1.44e-3; allow 5 of them.
        assertEquals((low + high) / 2, sum / SAMPLES, 5 * (high - low) / Math.sqrt(12.0 * SAMPLES));
        assertTrue(min < low + 1e-4, "min " + min + " should come close to low");
        assertTrue(max > high - 1e-4, "max " + max + " should come close to high");
    }

    @Test
    void uniformFloatNeverReachesHigh() {
        // Counter 36493847 of seed 42 gives u >= 1 - 2^-25, which rounds to 1.0f in float32.
        long counter = 36_493_847L;
        assertTrue(new Generator(42).uniformDouble(counter) >= 1 - 0x1.0p-25, "precondition of this test");
        Generator generator = new Generator(42);
        generator.setPosition(counter);

        float value = Tensor.uniform(generator, 0, 1, DataType.FLOAT32, 1).toFloatArray()[0];

        assertTrue(value < 1f, "uniform [0, 1) returned " + value);
    }

    @Test
    void uniformNarrowRangeExcludesHigh() {
        // Between 1e16 and 1e16 + 2 no double lies strictly inside, so every value must equal low.
        double[] doubles = Tensor.uniform(new Generator(1), 1e16, 1e16 + 2, DataType.FLOAT64, 64).toDoubleArray();
        float[] floats = Tensor.uniform(new Generator(1), 1, 1 + 0x1.0p-23, DataType.FLOAT32, 64).toFloatArray();

        for (double value : doubles) {
            assertEquals(1e16, value);
        }
        for (float value : floats) {
            assertEquals(1f, value);
        }
    }

    @Test
    void uniformRejectsEmptyRange() {
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.uniform(new Generator(1), 1, 1, DataType.FLOAT32, 2), "low 1.0, high 1.0");
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.uniform(new Generator(1), 0, Double.POSITIVE_INFINITY, DataType.FLOAT32, 2), "finite");
    }

    @Test
    void normalMatchesMeanAndStd() {
        double mean = 2;
        double std = 3;
        double[] values = Tensor.normal(new Generator(9), mean, std, DataType.FLOAT64, SAMPLES).toDoubleArray();

        double sum = 0;
        int withinOneStd = 0;
        for (double value : values) {
            sum += value;
            if (Math.abs(value - mean) < std) {
                withinOneStd++;
            }
        }
        double sampleMean = sum / SAMPLES;
        double squares = 0;
        for (double value : values) {
            squares += (value - sampleMean) * (value - sampleMean);
        }
        double sampleStd = Math.sqrt(squares / (SAMPLES - 1));
        // Standard errors for n = 1e6 are std/1000 = 3e-3 for the mean, std/sqrt(2n) = 2.1e-3 for the
        // std and sqrt(p(1-p)/n) = 4.7e-4 for the fraction within one std. Each check allows 5 of them.
        assertEquals(mean, sampleMean, 5 * std / Math.sqrt(SAMPLES));
        assertEquals(std, sampleStd, 5 * std / Math.sqrt(2.0 * SAMPLES));
        assertEquals(0.6826894921370859, (double) withinOneStd / SAMPLES, 5 * 4.66e-4);
    }

    @Test
    void normalOddCountAndZeroStd() {
        assertShape(Tensor.normal(new Generator(1), 0, 1, DataType.FLOAT32, 3, 5), 3, 5);
        assertValuesExact(new double[] {4, 4, 4}, Tensor.normal(new Generator(1), 4, 0, DataType.FLOAT64, 3));
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.normal(new Generator(1), 0, -1, DataType.FLOAT64, 3), "std must be finite and >= 0");
    }

    @Test
    void bernoulliMatchesProbability() {
        double p = 0.3;
        double[] values = Tensor.bernoulli(new Generator(4), p, DataType.FLOAT64, SAMPLES).toDoubleArray();

        double ones = 0;
        for (double value : values) {
            assertTrue(value == 0 || value == 1, "value " + value);
            ones += value;
        }
        // Standard error sqrt(p(1-p)/n) = 4.6e-4; allow 5 of them.
        assertEquals(p, ones / SAMPLES, 5 * Math.sqrt(p * (1 - p) / SAMPLES));
    }

    @Test
    void bernoulliExtremeProbabilities() {
        assertEquals(0, Tensor.bernoulli(new Generator(2), 0, DataType.FLOAT32, 1000).sum().item());
        assertEquals(1000, Tensor.bernoulli(new Generator(2), 1, DataType.FLOAT32, 1000).sum().item());
        assertFailsWith(IllegalArgumentException.class,
                () -> Tensor.bernoulli(new Generator(2), 1.5, DataType.FLOAT32, 3), "p must be in [0, 1], got 1.5");
    }

    @Test
    void generatorPermutationContainsEveryIndex() {
        int[] order = new Generator(12).permutation(50);
        int[] sorted = order.clone();
        Arrays.sort(sorted);

        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(order, new Generator(12).permutation(50));
        assertFalse(Arrays.equals(order, new Generator(13).permutation(50)));
    }

    @Test
    void generatorNextIntWithinBound() {
        Generator generator = new Generator(6);
        int[] counts = new int[7];
        for (int i = 0; i < 7000; i++) {
            counts[generator.nextInt(7)]++;
        }
        for (int count : counts) {
            assertTrue(count > 800, "counts " + Arrays.toString(counts));
            assertTrue(count < 1200, "counts " + Arrays.toString(counts));
        }
        assertFailsWith(IllegalArgumentException.class, () -> generator.nextInt(0), "bound must be > 0");
    }
}
