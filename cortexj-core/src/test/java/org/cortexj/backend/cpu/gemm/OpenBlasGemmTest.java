package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpenBlasGemmTest {

    @Test
    void threadCountCanBeSetAndRead() {
        OptionalInt previous = OpenBlasGemm.threadCount();
        try {
            OpenBlasGemm.setThreadCount(1);
            assertEquals(OptionalInt.of(1), OpenBlasGemm.threadCount());
            assertTrue(OpenBlasGemm.load().name().contains("1 thread,"));
            OpenBlasGemm.setThreadCount(2);
            assertEquals(OptionalInt.of(2), OpenBlasGemm.threadCount());
        } finally {
            restore(previous);
        }
    }

    @Test
    void rejectsThreadCountBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenBlasGemm.setThreadCount(0));
        assertEquals("OpenBlasGemm.setThreadCount: threads must be >= 1, got 0", e.getMessage());
    }

    @Test
    void singleThreadGivesSameProduct() {
        OptionalInt previous = OpenBlasGemm.threadCount();
        try {
            OpenBlasGemm.setThreadCount(1);
            float[] c = new float[4];
            OpenBlasGemm.load().sgemm(false, false, 2, 2, 3, 1f, new float[] {1, 2, 3, 4, 5, 6},
                    0, 3, new float[] {7, 8, 9, 10, 11, 12}, 0, 2, 0f, c, 0, 2);
            assertArrayEquals(new float[] {58, 64, 139, 154}, c);
        } finally {
            restore(previous);
        }
    }

    @Test
    void copyPassingReportedInName() {
        OpenBlasGemm gemm = OpenBlasGemm.load(ArrayPassing.COPY);
        assertEquals(ArrayPassing.COPY, gemm.arrayPassing());
        assertTrue(gemm.name().startsWith("OpenBLAS 0.3.31"), gemm.name());
        assertTrue(gemm.name().contains("copied to off-heap scratch"), gemm.name());
    }

    @Test
    void pinPassingFailsClearlyWithoutLibrary() {
        assumeTrue(OpenBlasGemm.load().arrayPassing() == ArrayPassing.COPY,
                "the jniCriticalCblas library is built, so PIN loads");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpenBlasGemm.load(ArrayPassing.PIN));
        assertTrue(e.getMessage().contains("jniCriticalCblas"), e.getMessage());
    }

    @Test
    void pinPassingReportedInName() {
        assumeTrue(OpenBlasGemm.load().arrayPassing() == ArrayPassing.PIN,
                "the jniCriticalCblas library is not built");
        OpenBlasGemm gemm = OpenBlasGemm.load(ArrayPassing.PIN);
        assertTrue(gemm.name().contains("pinned with JNI critical access"), gemm.name());
    }

    /** OpenBLAS itself must honor beta == 0 by not reading C; k > 0 and alpha != 0 reach it. */
    @Test
    void nativeBetaZeroIgnoresNan() {
        double[] c = {Double.NaN, Double.POSITIVE_INFINITY};
        OpenBlasGemm.load().dgemm(false, false, 1, 2, 1, 2d, new double[] {3}, 0, 1,
                new double[] {1, -1}, 0, 2, 0d, c, 0, 2);
        assertArrayEquals(new double[] {6, -6}, c);
    }

    /** Restores a set count; an unset count goes back to OpenBLAS's default of all cores. */
    private static void restore(OptionalInt previous) {
        OpenBlasGemm.setThreadCount(
                previous.orElse(Runtime.getRuntime().availableProcessors()));
    }
}
