package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JavaGemmTest {

    /** 67 x 129 x 300 is above the threshold for threads, and 67 rows split unevenly. */
    @Test
    void resultsIdenticalForEveryThreadCount() {
        for (int transposes = 0; transposes < 4; transposes++) {
            GemmCase g = new GemmCase(67, 129, 300, (transposes & 1) != 0, (transposes & 2) != 0,
                    1.25, 0.5, 2, 3, false);
            Random random = new Random(21);
            float[] a = g.floatA(random);
            float[] b = g.floatB(random);
            float[] c = g.floatC(random);

            float[] single = run(new JavaGemm(1), g, a, b, c);
            for (int threads : new int[] {2, 3, 5, 64}) {
                float[] parallel = run(new JavaGemm(threads), g, a, b, c);
                assertArrayEquals(single, parallel,
                        threads + " threads differ from 1 thread, " + g);
            }
        }
    }

    @Test
    void handComputedProduct() {
        // [1 2 3; 4 5 6] * [7 8; 9 10; 11 12] = [58 64; 139 154], then 2 * AB - 1 * C.
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = {1, 1, 1, 1};
        new JavaGemm().sgemm(false, false, 2, 2, 3, 2f, a, 0, 3, b, 0, 2, -1f, c, 0, 2);
        assertArrayEquals(new float[] {115, 127, 277, 307}, c);
    }

    @Test
    void transposedHandComputedProduct() {
        // A stored as its transpose [1 4; 2 5; 3 6], B stored as [7 9 11; 8 10 12].
        double[] aTransposed = {1, 4, 2, 5, 3, 6};
        double[] bTransposed = {7, 9, 11, 8, 10, 12};
        double[] c = new double[4];
        new JavaGemm().dgemm(true, true, 2, 2, 3, 1d, aTransposed, 0, 2, bTransposed, 0, 3,
                0d, c, 0, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c);
    }

    @Test
    void rejectsThreadCountBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JavaGemm(0));
        assertEquals("JavaGemm: threadCount must be >= 1, got 0", e.getMessage());
    }

    @Test
    void nameStatesThreadCount() {
        assertTrue(new JavaGemm(3).name().contains("3 threads"), new JavaGemm(3).name());
        assertEquals(3, new JavaGemm(3).threadCount());
    }

    private static float[] run(Gemm gemm, GemmCase g, float[] a, float[] b, float[] c) {
        float[] result = c.clone();
        gemm.sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), (float) g.alpha(),
                a, g.offset(), g.lda(), b, g.offset(), g.ldb(),
                (float) g.beta(), result, g.offset(), g.ldc());
        return result;
    }
}
