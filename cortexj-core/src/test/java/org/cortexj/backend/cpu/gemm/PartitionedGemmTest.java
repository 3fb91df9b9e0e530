package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Split products against the naive triple loop. With {@link JavaGemm} computing the blocks the
 * result must match bit for bit, which catches any wrong block offset. With OpenBLAS it must
 * match within the floating-point error bound. The minimum block size is 1 multiply-add, so even
 * the odd small shapes here are split.
 */
class PartitionedGemmTest {

    private static final double FLOAT_ROUNDOFF = Math.ulp(1f) / 2;
    private static final double DOUBLE_ROUNDOFF = Math.ulp(1d) / 2;

    /** {m, n, k}: odd sizes around the 16-element alignment, one-element and empty dimensions. */
    private static final int[][] SIZES = {
        {1, 1, 1}, {1, 129, 7}, {129, 1, 7}, {7, 17, 33}, {17, 7, 33}, {33, 129, 17},
        {129, 33, 17}, {129, 129, 65}, {17, 33, 1}, {40, 300, 9}, {0, 17, 5}, {17, 0, 5},
        {17, 33, 0},
    };

    /** {alpha, beta}: beta 0 runs with NaN in C, which must not reach the result. */
    private static final double[][] SCALARS = {{1, 0}, {-1.5, 0.75}};

    /** {offset, padding after each stored row}. */
    private static final int[][] LAYOUTS = {{0, 0}, {3, 5}};

    private static List<GemmCase> cases() {
        List<GemmCase> cases = new ArrayList<>();
        for (int[] size : SIZES) {
            for (int transposes = 0; transposes < 4; transposes++) {
                for (int[] layout : LAYOUTS) {
                    for (double[] scalar : SCALARS) {
                        cases.add(new GemmCase(size[0], size[1], size[2],
                                (transposes & 1) != 0, (transposes & 2) != 0,
                                scalar[0], scalar[1], layout[0], layout[1], scalar[1] == 0));
                    }
                }
            }
        }
        return cases;
    }

    private static PartitionedGemm split(Gemm blockGemm, int workers) {
        return new PartitionedGemm(blockGemm, new PoolBlockExecutor(workers), workers, 1);
    }

    @Test
    void javaBlocksMatchNaiveLoopExactly() {
        for (int workers = 1; workers <= 4; workers++) {
            PartitionedGemm gemm = split(new JavaGemm(1), workers);
            Random random = new Random(40 + workers);
            for (GemmCase g : cases()) {
                checkFloat(gemm, g, random, true, "workers " + workers);
                checkDouble(gemm, g, random, true, "workers " + workers);
            }
        }
    }

    @Test
    void openBlasBlocksMatchNaiveLoop() {
        for (int workers = 1; workers <= 4; workers++) {
            PartitionedGemm gemm = split(OpenBlasGemm.load(ArrayPassing.COPY), workers);
            Random random = new Random(50 + workers);
            for (GemmCase g : cases()) {
                checkFloat(gemm, g, random, false, "workers " + workers);
                checkDouble(gemm, g, random, false, "workers " + workers);
            }
        }
    }

    /** Each block is one call of the block gemm, so 129 columns on 3 workers make 3 calls. */
    @Test
    void splitCallsBlockGemmOncePerBlock() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        Gemm recording = new RecordingGemm(new JavaGemm(1), calls);
        PartitionedGemm gemm = split(recording, 3);
        float[] a = new float[5 * 7];
        float[] b = new float[7 * 129];
        float[] c = new float[5 * 129];

        gemm.sgemm(false, false, 5, 129, 7, 1f, a, 0, 7, b, 0, 129, 0f, c, 0, 129);

        assertEquals(3, calls.size());
        List<Integer> columns = new ArrayList<>();
        for (int[] call : calls) {
            assertEquals(5, call[0], "rows of every block");
            columns.add(call[1]);
        }
        Collections.sort(columns);
        // 129 columns are 9 tiles of 16: 3 tiles each, the last block 15 columns short.
        assertEquals(List.of(33, 48, 48), columns);
    }

    /** 9 x 40 x 11 makes blocks of 16 and 24 columns, and 16 * 9 * 11 = 1584 is below 2000. */
    @Test
    void blockBelowMinimumRunsAsOneCall() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        Gemm recording = new RecordingGemm(new JavaGemm(1), calls);
        PartitionedGemm gemm = new PartitionedGemm(recording, new PoolBlockExecutor(2), 2, 2000);
        double[] c = new double[9 * 40];

        gemm.dgemm(false, false, 9, 40, 11, 1d, new double[9 * 11], 0, 11, new double[11 * 40], 0, 40,
                0d, c, 0, 40);

        assertEquals(1, calls.size());
        assertArrayEquals(new int[] {9, 40}, calls.get(0));
    }

    /** Arguments are checked for the whole product, so errors name its sizes, not a block's. */
    @Test
    void rejectsShortArrayBeforeSplitting() {
        PartitionedGemm gemm = split(new JavaGemm(1), 2);
        float[] c = new float[64 * 64];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> gemm.sgemm(false, false, 64, 64, 64, 1f, new float[64 * 64 - 1], 0, 64,
                        new float[64 * 64], 0, 64, 0f, c, 0, 64));
        assertTrue(e.getMessage().contains("array A is too short"), e.getMessage());
        assertTrue(e.getMessage().contains("64 x 64"), e.getMessage());
        assertArrayEquals(new float[64 * 64], c, "C was written before the check");
    }

    @Test
    void rejectsWorkersBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PartitionedGemm(new JavaGemm(), new PoolBlockExecutor(1), 0));
        assertEquals("PartitionedGemm: workers must be >= 1, got 0", e.getMessage());
    }

    @Test
    void nameStatesSplitAndBlockGemm() {
        String name = new PartitionedGemm(new JavaGemm(1), new PoolBlockExecutor(1), 2).name();
        assertTrue(name.startsWith("pure Java (1 thread) per block"), name);
        assertTrue(name.contains("split into column or row blocks over 2 workers"), name);
        String serial = new PartitionedGemm(new JavaGemm(1), new PoolBlockExecutor(1), 1).name();
        assertTrue(serial.contains("not split (1 worker)"), serial);
    }

    /**
     * Products from several user threads share one executor. Each must equal the same product
     * computed alone, bit for bit, because the blocks and the block calls do not depend on
     * which thread runs them. Every product stays below 65536 * 4 multiply-adds, where OpenBLAS
     * runs a call on the calling thread alone (its interface/gemm.c with the default
     * GEMM_MULTITHREAD_THRESHOLD of 4), whatever its thread count.
     */
    @Test
    void concurrentCallsMatchSequentialCalls() throws Exception {
        PartitionedGemm gemm = split(OpenBlasGemm.load(ArrayPassing.COPY), 2);
        int callers = 4;
        List<GemmCase> cases = new ArrayList<>();
        List<float[][]> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        Random random = new Random(60);
        for (int caller = 0; caller < callers; caller++) {
            GemmCase g = new GemmCase(30 + 5 * caller, 70 + 9 * caller, 50 + 4 * caller,
                    caller % 2 == 1, caller >= 2, 1.0, 0.5, caller, caller, false);
            float[][] operands = {g.floatA(random), g.floatB(random), g.floatC(random)};
            cases.add(g);
            inputs.add(operands);
            expected.add(multiply(gemm, g, operands));
        }

        ExecutorService users = Executors.newFixedThreadPool(callers);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int caller = 0; caller < callers; caller++) {
                    GemmCase g = cases.get(caller);
                    float[][] operands = inputs.get(caller);
                    results.add(users.submit(() -> multiply(gemm, g, operands)));
                }
            }
            for (int index = 0; index < results.size(); index++) {
                int caller = index % callers;
                assertArrayEquals(expected.get(caller), results.get(index).get(),
                        "concurrent call " + index + ", " + cases.get(caller));
            }
        } finally {
            users.shutdownNow();
        }
    }

    private static float[] multiply(Gemm gemm, GemmCase g, float[][] operands) {
        float[] c = operands[2].clone();
        gemm.sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), (float) g.alpha(),
                operands[0], g.offset(), g.lda(), operands[1], g.offset(), g.ldb(),
                (float) g.beta(), c, g.offset(), g.ldc());
        return c;
    }

    private static void checkFloat(Gemm gemm, GemmCase g, Random random, boolean exact,
                                   String setting) {
        float[] a = g.floatA(random);
        float[] b = g.floatB(random);
        float[] c = g.floatC(random);
        float[] cBefore = c.clone();
        float[] expected = c.clone();
        NaiveGemm.sgemm(g, a, b, expected);
        double[] exactValues = GemmCase.toDouble(c);
        NaiveGemm.dgemm(g, GemmCase.toDouble(a), GemmCase.toDouble(b), exactValues);

        gemm.sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), (float) g.alpha(),
                a, g.offset(), g.lda(), b, g.offset(), g.ldb(),
                (float) g.beta(), c, g.offset(), g.ldc());

        double[] aValues = GemmCase.toDouble(a);
        double[] bValues = GemmCase.toDouble(b);
        for (int index = 0; index < c.length; index++) {
            int at = index;
            Supplier<String> where = () -> "sgemm C[" + at + "], " + setting + ", " + g;
            if (g.isOutsideC(index)) {
                assertEquals(GemmCase.C_SENTINEL, c[index], () -> "wrote outside C: " + where.get());
            } else if (exact) {
                assertEquals(expected[index], c[index], where);
            } else {
                checkWithinBound(g, aValues, bValues, cBefore[index], exactValues[index], c[index],
                        index, FLOAT_ROUNDOFF, where);
            }
        }
    }

    private static void checkDouble(Gemm gemm, GemmCase g, Random random, boolean exact,
                                    String setting) {
        double[] a = GemmCase.toDouble(g.floatA(random));
        double[] b = GemmCase.toDouble(g.floatB(random));
        double[] c = GemmCase.toDouble(g.floatC(random));
        double[] cBefore = c.clone();
        double[] expected = c.clone();
        NaiveGemm.dgemm(g, a, b, expected);

        gemm.dgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(),
                a, g.offset(), g.lda(), b, g.offset(), g.ldb(),
                g.beta(), c, g.offset(), g.ldc());

        for (int index = 0; index < c.length; index++) {
            int at = index;
            Supplier<String> where = () -> "dgemm C[" + at + "], " + setting + ", " + g;
            if (g.isOutsideC(index)) {
                assertEquals(GemmCase.C_SENTINEL, c[index], () -> "wrote outside C: " + where.get());
            } else if (exact) {
                assertEquals(expected[index], c[index], where);
            } else {
                checkWithinBound(g, a, b, cBefore[index], expected[index], c[index],
                        index, DOUBLE_ROUNDOFF, where);
            }
        }
    }

    private static void checkWithinBound(GemmCase g, double[] a, double[] b, double oldC,
                                         double expected, double actual, int index,
                                         double roundoff, Supplier<String> where) {
        assertFalse(Double.isNaN(actual), () -> "NaN in result: " + where.get());
        int i = (index - g.offset()) / g.ldc();
        int j = (index - g.offset()) % g.ldc();
        double bound = NaiveGemm.errorBound(g, a, b, oldC, i, j, roundoff);
        assertTrue(Math.abs(actual - expected) <= bound, () -> where.get() + ": expected "
                + expected + ", got " + actual + ", allowed error " + bound);
    }

    /** Passes calls on and records the {m, n} of each. */
    private static final class RecordingGemm implements Gemm {

        private final Gemm delegate;
        private final List<int[]> calls;

        RecordingGemm(Gemm delegate, List<int[]> calls) {
            this.delegate = delegate;
            this.calls = calls;
        }

        @Override
        public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                          float beta, float[] c, int cOffset, int ldc) {
            calls.add(new int[] {m, n});
            delegate.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }

        @Override
        public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                          double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                          double beta, double[] c, int cOffset, int ldc) {
            calls.add(new int[] {m, n});
            delegate.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }

        @Override
        public String name() {
            return "recording " + delegate.name();
        }
    }
}
