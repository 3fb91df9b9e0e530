package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@link Gemm} implementation on the table of {@link GemmCase#all()} and on a few
 * larger shapes, and compares each element of C with the naive triple loop: bit for bit for
 * {@link JavaGemm}, within the floating-point error bound for OpenBLAS, whose summation order
 * differs.
 */
class GemmImplementationsTest {

    private static final double FLOAT_ROUNDOFF = Math.ulp(1f) / 2;
    private static final double DOUBLE_ROUNDOFF = Math.ulp(1d) / 2;

    static List<Named<Gemm>> implementations() {
        return GemmImplementations.all();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void sgemmMatchesNaiveLoopOnAllCases(Gemm gemm) {
        Random random = new Random(11);
        for (GemmCase g : GemmCase.all()) {
            checkFloat(gemm, g, random);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void dgemmMatchesNaiveLoopOnAllCases(Gemm gemm) {
        Random random = new Random(12);
        for (GemmCase g : GemmCase.all()) {
            checkDouble(gemm, g, random);
        }
    }

    /** Shapes past the row and column tiles and the JavaGemm threshold for threads. */
    @ParameterizedTest
    @MethodSource("implementations")
    void largerShapesMatchNaiveLoop(Gemm gemm) {
        Random random = new Random(13);
        int[][] sizes = {{67, 129, 300}, {20, 1100, 30}, {130, 70, 90}};
        for (int[] size : sizes) {
            for (int transposes = 0; transposes < 4; transposes++) {
                GemmCase g = new GemmCase(size[0], size[1], size[2], (transposes & 1) != 0,
                        (transposes & 2) != 0, 0.75, -0.5, 1, 2, false);
                checkFloat(gemm, g, random);
                checkDouble(gemm, g, random);
            }
        }
    }

    /**
     * Calls from several threads at once, each with its own shape, match one-at-a-time calls.
     * The shapes stay at or below 65536 * 4 multiply-adds, where OpenBLAS runs the call on the
     * calling thread alone (its interface/gemm.c with the default GEMM_MULTITHREAD_THRESHOLD of
     * 4), so the busy state of its thread pool cannot change the summation order.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void concurrentCallsMatchSequentialCalls(Gemm gemm) throws Exception {
        int callers = 4;
        List<GemmCase> cases = new ArrayList<>();
        List<float[][]> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        Random random = new Random(14);
        for (int caller = 0; caller < callers; caller++) {
            GemmCase g = new GemmCase(30 + 5 * caller, 40 + 3 * caller, 50 + 4 * caller,
                    caller % 2 == 1, caller >= 2, 1.0, 0.5, caller, caller, false);
            float[][] operands = {g.floatA(random), g.floatB(random), g.floatC(random)};
            cases.add(g);
            inputs.add(operands);
            expected.add(multiply(gemm, g, operands));
        }

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int caller = 0; caller < callers; caller++) {
                    GemmCase g = cases.get(caller);
                    float[][] operands = inputs.get(caller);
                    results.add(pool.submit(() -> multiply(gemm, g, operands)));
                }
            }
            for (int index = 0; index < results.size(); index++) {
                int caller = index % callers;
                assertArrayEquals(expected.get(caller), results.get(index).get(),
                        "concurrent call " + index + ", " + cases.get(caller));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] multiply(Gemm gemm, GemmCase g, float[][] operands) {
        float[] c = operands[2].clone();
        gemm.sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), (float) g.alpha(),
                operands[0], g.offset(), g.lda(), operands[1], g.offset(), g.ldb(),
                (float) g.beta(), c, g.offset(), g.ldc());
        return c;
    }

    private static void checkFloat(Gemm gemm, GemmCase g, Random random) {
        float[] a = g.floatA(random);
        float[] b = g.floatB(random);
        float[] c = g.floatC(random);
        float[] aBefore = a.clone();
        float[] bBefore = b.clone();
        float[] cBefore = c.clone();
        float[] expected = c.clone();
        NaiveGemm.sgemm(g, a, b, expected);
        double[] exact = GemmCase.toDouble(c);
        NaiveGemm.dgemm(g, GemmCase.toDouble(a), GemmCase.toDouble(b), exact);

        gemm.sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), (float) g.alpha(),
                a, g.offset(), g.lda(), b, g.offset(), g.ldb(),
                (float) g.beta(), c, g.offset(), g.ldc());

        assertArrayEquals(aBefore, a, () -> "sgemm changed A, " + g);
        assertArrayEquals(bBefore, b, () -> "sgemm changed B, " + g);
        double[] aValues = GemmCase.toDouble(a);
        double[] bValues = GemmCase.toDouble(b);
        for (int index = 0; index < c.length; index++) {
            int at = index;
            Supplier<String> where = () -> "sgemm C[" + at + "], " + g;
            if (g.isOutsideC(index)) {
                assertEquals(GemmCase.C_SENTINEL, c[index],
                        () -> "wrote outside C: " + where.get());
            } else if (GemmImplementations.isExact(gemm)) {
                assertEquals(expected[index], c[index], where);
            } else {
                checkWithinBound(g, aValues, bValues, cBefore[index], exact[index], c[index],
                        index, FLOAT_ROUNDOFF, where);
            }
        }
    }

    private static void checkDouble(Gemm gemm, GemmCase g, Random random) {
        double[] a = GemmCase.toDouble(g.floatA(random));
        double[] b = GemmCase.toDouble(g.floatB(random));
        double[] c = GemmCase.toDouble(g.floatC(random));
        double[] aBefore = a.clone();
        double[] bBefore = b.clone();
        double[] cBefore = c.clone();
        double[] expected = c.clone();
        NaiveGemm.dgemm(g, a, b, expected);

        gemm.dgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(),
                a, g.offset(), g.lda(), b, g.offset(), g.ldb(),
                g.beta(), c, g.offset(), g.ldc());

        assertArrayEquals(aBefore, a, () -> "dgemm changed A, " + g);
        assertArrayEquals(bBefore, b, () -> "dgemm changed B, " + g);
        for (int index = 0; index < c.length; index++) {
            int at = index;
            Supplier<String> where = () -> "dgemm C[" + at + "], " + g;
            if (g.isOutsideC(index)) {
                assertEquals(GemmCase.C_SENTINEL, c[index],
                        () -> "wrote outside C: " + where.get());
            } else if (GemmImplementations.isExact(gemm)) {
                assertEquals(expected[index], c[index], where);
            } else {
                checkWithinBound(g, aBefore, bBefore, cBefore[index], expected[index], c[index],
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
}
