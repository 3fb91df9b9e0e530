package org.cortexj.backend.cpu.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cortexj.backend.cpu.reduce.TestData.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the summation tree's shape, its independence of offsets and threads, and its error. */
class SummationTreeTest {

    private static final int[] TREE_LENGTHS = {1, 2, 3, 17, 63, 64, 65, 1000, 1023, 1024, 1025,
        2048, 2049, 3073, 5000, 100_000, 1_000_003};

    @Test
    void floatSumsFollowDocumentedTree() {
        for (int length : TREE_LENGTHS) {
            float[] values = TestData.floats(Pattern.RANDOM, length, 11);
            float expectedSum = ReferenceTree.sum(values, 0, length, false, 0f);
            float mean = (float) ((double) expectedSum / length);
            float expectedSquares = ReferenceTree.sum(values, 0, length, true, mean);
            float expectedVariance = (float) ((double) expectedSquares / length);

            for (FloatRowReducer reducer : List.of(
                    Implementations.SCALAR_FLOAT, Implementations.VECTOR_FLOAT)) {
                float[] out = new float[1];
                reducer.sum(values, 0, 1, length, out, 0);
                assertEquals(expectedSum, out[0], "sum, length " + length);
                reducer.variance(values, 0, 1, length, 0, out, 0);
                assertEquals(expectedVariance, out[0], "variance, length " + length);
            }
        }
    }

    @Test
    void doubleSumsFollowDocumentedTree() {
        for (int length : TREE_LENGTHS) {
            double[] values = TestData.doubles(Pattern.RANDOM, length, 11);
            double expectedSum = ReferenceTree.sum(values, 0, length, false, 0.0);
            double mean = expectedSum / length;
            double expectedSquares = ReferenceTree.sum(values, 0, length, true, mean);
            double expectedVariance = expectedSquares / (length - 1.0);

            for (DoubleRowReducer reducer : List.of(
                    Implementations.SCALAR_DOUBLE, Implementations.VECTOR_DOUBLE)) {
                double[] out = new double[1];
                reducer.sum(values, 0, 1, length, out, 0);
                assertEquals(expectedSum, out[0], "sum, length " + length);
                reducer.variance(values, 0, 1, length, 1, out, 0);
                assertEquals(expectedVariance, out[0], "variance, length " + length);
            }
        }
    }

    @Test
    void sumIgnoresOffsetAndBatch() {
        int length = 5003;
        float[] row = TestData.floats(Pattern.RANDOM, length, 5);
        float[] alone = new float[1];
        RowReductions.sum(row, 0, 1, length, alone, 0);

        for (int offset : new int[] {1, 2, 3, 7, 16, 17}) {
            // The row sits between two other rows at an offset that shifts its alignment.
            float[] batch = new float[offset + 3 * length];
            float[] neighbor = TestData.floats(Pattern.RANDOM, length, 6);
            System.arraycopy(neighbor, 0, batch, offset, length);
            System.arraycopy(row, 0, batch, offset + length, length);
            System.arraycopy(neighbor, 0, batch, offset + 2 * length, length);
            float[] sums = new float[3];
            RowReductions.sum(batch, offset, 3, length, sums, 0);
            float[] middleOnly = new float[1];
            RowReductions.sum(batch, offset + length, 1, length, middleOnly, 0);

            assertEquals(alone[0], sums[1], "batched row at offset " + offset);
            assertEquals(alone[0], middleOnly[0], "single row at offset " + offset);
        }
    }

    @Test
    void rowsGiveSameBitsOnAnyThread() throws Exception {
        int rows = 16;
        int length = 70_001;
        double[] input = new double[rows * length];
        for (int row = 0; row < rows; row++) {
            double[] values = TestData.doubles(Pattern.RANDOM, length, row);
            System.arraycopy(values, 0, input, row * length, length);
        }
        double[] sequential = new double[rows];
        RowReductions.variance(input, 0, rows, length, 1, sequential, 0);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        double[] parallel = new double[rows];
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                int r = row;
                tasks.add(pool.submit(() ->
                        RowReductions.variance(input, r * length, 1, length, 1, parallel, r)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }

        for (int row = 0; row < rows; row++) {
            assertEquals(sequential[row], parallel[row], "variance of row " + row);
        }
    }

    @Test
    void floatSumOfTenthsStaysAccurate() {
        int n = 10_000_000;
        float[] values = new float[n];
        java.util.Arrays.fill(values, 0.1f);
        // 0.1f times 10^7 is exact in double: 0.1f has 24 significant bits, 10^7 has 24.
        double exact = 0.1f * (double) n;

        assertFloatSumAccurate(values, exact, 1000);
    }

    @Test
    void floatSumOfRandomValuesStaysAccurate() {
        int n = 10_000_000;
        java.util.Random random = new java.util.Random(42);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat();
        }
        // A running double sum is off by at most n * 2^-53 relative, about 1e-9, far below the
        // float tolerance.
        double exact = NaiveReductions.sum(values, 0, n);

        // Rounding errors of random values partly cancel, so the running sum misses by less.
        assertFloatSumAccurate(values, exact, 2);
    }

    /**
     * Asserts that the tree sum is within {@code 2 * log2(n)} float ulps of {@code exact}, and
     * that a running float sum misses by more than {@code runningSumFactor} times that bound,
     * which shows that the check can fail.
     */
    private static void assertFloatSumAccurate(
            float[] values, double exact, double runningSumFactor) {
        int n = values.length;
        double tolerance = 2 * (Math.log(n) / Math.log(2)) * Math.ulp((float) exact);
        float runningSum = 0f;
        for (float value : values) {
            runningSum += value;
        }

        for (FloatRowReducer reducer : List.of(
                Implementations.SCALAR_FLOAT, Implementations.VECTOR_FLOAT)) {
            float[] out = new float[1];
            reducer.sum(values, 0, 1, n, out, 0);
            assertTrue(Math.abs(out[0] - exact) <= tolerance,
                    "tree sum " + out[0] + ", exact " + exact + ", tolerance " + tolerance);
        }
        assertTrue(Math.abs(runningSum - exact) > runningSumFactor * tolerance,
                "running sum " + runningSum + " unexpectedly close to " + exact);
    }

    @Test
    void doubleSumOfTenthsStaysAccurate() {
        int n = 10_000_000;
        double[] values = new double[n];
        java.util.Arrays.fill(values, 0.1);
        double exact = new java.math.BigDecimal(0.1).multiply(java.math.BigDecimal.valueOf(n))
                .doubleValue();
        double tolerance = 2 * (Math.log(n) / Math.log(2)) * Math.ulp(exact);
        double runningSum = 0;
        for (double value : values) {
            runningSum += value;
        }

        double[] out = new double[1];
        RowReductions.sum(values, 0, 1, n, out, 0);

        assertTrue(Math.abs(out[0] - exact) <= tolerance,
                "tree sum " + out[0] + ", exact " + exact + ", tolerance " + tolerance);
        assertTrue(Math.abs(runningSum - exact) > 1000 * tolerance,
                "running sum " + runningSum + " unexpectedly close to " + exact);
    }

    @Test
    void floatVarianceWithLargeMeanIsAccurate() {
        int n = 1_000_000;
        java.util.Random random = new java.util.Random(3);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (1000 + random.nextGaussian());
        }
        double mean = NaiveReductions.sum(values, 0, n) / n;
        double squares = 0;
        for (float value : values) {
            squares += (value - mean) * (value - mean);
        }
        double exact = squares / n;

        float[] out = new float[1];
        RowReductions.variance(values, 0, 1, n, 0, out, 0);

        double relativeError = Math.abs(out[0] - exact) / exact;
        double tolerance = 2 * (Math.log(n) / Math.log(2)) * Math.scalb(1.0, -24);
        assertTrue(relativeError <= tolerance,
                "variance " + out[0] + ", exact " + exact + ", relative error " + relativeError);
    }
}
