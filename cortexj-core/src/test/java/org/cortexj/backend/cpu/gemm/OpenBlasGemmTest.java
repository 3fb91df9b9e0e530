package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The jars carry both native libraries for linux-x86_64, the platform the build targets. */
    @Test
    void pinPassingIsDefaultHere() {
        OpenBlasGemm gemm = OpenBlasGemm.load();
        assertEquals(ArrayPassing.PIN, gemm.arrayPassing(), gemm.name());
        assertTrue(gemm.name().contains("pinned with JNI critical access"), gemm.name());
    }

    @Test
    void pinnedLibraryOpensLoadedOpenBlas() {
        OpenBlasGemm.load();
        String library = System.getProperty(PinnedArrayCalls.LIBRARY_PROPERTY);
        assertNotNull(library, "property " + PinnedArrayCalls.LIBRARY_PROPERTY + " is unset");
        assertTrue(library.contains("openblas"), "property contains " + library);
        assertTrue(org.bytedeco.javacpp.Loader.getLoadedLibraries().containsValue(library),
                library + " is not among JavaCPP's loaded libraries");
    }

    @Test
    void openBlasFilePrefersFullLibrary() {
        var both = new java.util.LinkedHashMap<String, String>();
        both.put("openblas_nolapack@.0", "/cache/libopenblas_nolapack.so.0");
        both.put("jniopenblas", "/cache/libjniopenblas.so");
        both.put("openblas@.0", "/cache/libopenblas.so.0");
        assertEquals("/cache/libopenblas.so.0", PinnedArrayCalls.openBlasFile(both));
        both.remove("openblas@.0");
        assertEquals("/cache/libopenblas_nolapack.so.0", PinnedArrayCalls.openBlasFile(both));
        assertEquals(null, PinnedArrayCalls.openBlasFile(java.util.Map.of("jniopenblas", "/x.so")));
    }

    /** dev.ludovic.netlib wants offset + storedRows·ld ≤ length for every operand. */
    @Test
    void boundsRuleSeparatesBlocks() {
        int no = org.bytedeco.openblas.global.openblas.CblasNoTrans;
        int yes = org.bytedeco.openblas.global.openblas.CblasTrans;
        // Whole 4x6 = [4x5]·[5x6]: fits.
        assertTrue(PinnedArrayCalls.fitsBoundsCheck(no, no, 4, 6, 5, 0, 5, 20, 0, 6, 30, 0, 6, 24));
        // Rows 2..3 of C: A and C start at row 2, B whole: fits.
        assertTrue(PinnedArrayCalls.fitsBoundsCheck(no, no, 2, 6, 5, 10, 5, 20, 0, 6, 30, 12, 6, 24));
        // Columns 3..5 of C: B and C start at column 3 with ld 6, one ld past the end: does not fit.
        assertFalse(PinnedArrayCalls.fitsBoundsCheck(no, no, 4, 3, 5, 0, 5, 20, 3, 6, 30, 3, 6, 24));
        // Transposed A (stored 5x4): rows 2..3 of op(A) are columns of the storage: does not fit.
        assertFalse(PinnedArrayCalls.fitsBoundsCheck(yes, no, 2, 6, 5, 2, 4, 20, 0, 6, 30, 12, 6, 24));
        // Transposed B (stored 6x5) whole: fits.
        assertTrue(PinnedArrayCalls.fitsBoundsCheck(no, yes, 4, 6, 5, 0, 5, 20, 0, 5, 30, 0, 6, 24));
    }

    @Test
    void columnBlockMultipliesInPlace() {
        OpenBlasGemm gemm = OpenBlasGemm.load(ArrayPassing.PIN);
        assertTrue(gemm.pinsEveryBlock(), "native entry points behind the bounds check are not reachable");
        // C[:, 3:6] = A·B[:, 3:6] for A 2x2 and B 2x6, with ld 6 for B and C.
        float[] a = {1, 2, 3, 4};
        float[] b = {1, 0, 0, 1, 2, 3, 0, 1, 0, 4, 5, 6};
        float[] c = new float[12];
        gemm.sgemm(false, false, 2, 3, 2, 1f, a, 0, 2, b, 3, 6, 0f, c, 3, 6);
        assertArrayEquals(new float[] {0, 0, 0, 9, 12, 15, 0, 0, 0, 19, 26, 33}, c);
        double[] cd = new double[12];
        gemm.dgemm(false, false, 2, 3, 2, 1d, new double[] {1, 2, 3, 4}, 0, 2,
                new double[] {1, 0, 0, 1, 2, 3, 0, 1, 0, 4, 5, 6}, 3, 6, 0d, cd, 3, 6);
        assertArrayEquals(new double[] {0, 0, 0, 9, 12, 15, 0, 0, 0, 19, 26, 33}, cd);
    }

    /** The unchecked native entry must still see only operands that end inside their arrays. */
    @Test
    void pinnedCallsCheckExactBounds() {
        PinnedArrayCalls calls = PinnedArrayCalls.load();
        int no = org.bytedeco.openblas.global.openblas.CblasNoTrans;
        float[] shortC = new float[11];
        assertThrows(IndexOutOfBoundsException.class, () -> calls.sgemm(no, no, 2, 3, 2, 1f, new float[4], 0, 2,
                new float[12], 3, 6, 0f, shortC, 3, 6));
        assertArrayEquals(new float[11], shortC);
    }

    @Test
    void foreignBlasPropertyBlocksPinning() {
        assertEquals(null, PinnedArrayCalls.propertyConflict(null, "/cache/libopenblas.so.0"));
        assertEquals(null, PinnedArrayCalls.propertyConflict("/cache/libopenblas.so.0", "/cache/libopenblas.so.0"));
        assertEquals("system property dev.ludovic.netlib.blas.nativeLibPath is /usr/lib/libblas.so.3, another "
                        + "BLAS than the OpenBLAS cortexj uses (/cache/libopenblas.so.0); unset it to pass arrays to "
                        + "OpenBLAS in place",
                PinnedArrayCalls.propertyConflict("/usr/lib/libblas.so.3", "/cache/libopenblas.so.0"));
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
