package org.cortexj.backend.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation rejects invalid calls with the same exception and message. The base call
 * is a valid 2 x 3 times 3 x 4 product in dense arrays; each test breaks one argument.
 */
class GemmArgumentsTest {

    static List<Named<Gemm>> implementations() {
        return GemmImplementations.all();
    }

    private static final float[] A = new float[6];
    private static final float[] B = new float[12];

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsNegativeSizes(Gemm gemm) {
        float[] c = new float[8];
        expect(IllegalArgumentException.class, "sgemm: m must be >= 0, got -1",
                () -> gemm.sgemm(false, false, -1, 4, 3, 1f, A, 0, 3, B, 0, 4, 0f, c, 0, 4));
        expect(IllegalArgumentException.class, "sgemm: n must be >= 0, got -4",
                () -> gemm.sgemm(false, false, 2, -4, 3, 1f, A, 0, 3, B, 0, 4, 0f, c, 0, 4));
        expect(IllegalArgumentException.class, "dgemm: k must be >= 0, got -3",
                () -> gemm.dgemm(false, false, 2, 4, -3, 1d, new double[6], 0, 3,
                        new double[12], 0, 4, 0d, new double[8], 0, 4));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsLeadingDimensionBelowRowLength(Gemm gemm) {
        float[] c = new float[8];
        expect(IllegalArgumentException.class, "sgemm: lda 2 is smaller than the stored row"
                        + " length of A (2 x 3 stored, transA=false); lda must be >= 3",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 0, 2, B, 0, 4, 0f, c, 0, 4));
        expect(IllegalArgumentException.class, "sgemm: ldb 2 is smaller than the stored row"
                        + " length of B (4 x 3 stored, transB=true); ldb must be >= 3",
                () -> gemm.sgemm(false, true, 2, 4, 3, 1f, A, 0, 3, B, 0, 2, 0f, c, 0, 4));
        expect(IllegalArgumentException.class, "sgemm: ldc 3 is smaller than the stored row"
                        + " length of C (2 x 4 stored, m x n); ldc must be >= 4",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 0, 3, B, 0, 4, 0f, c, 0, 3));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsArraysTooShort(Gemm gemm) {
        float[] c = new float[8];
        expect(IndexOutOfBoundsException.class, "sgemm: array A is too short: 2 x 3 stored"
                        + " from offset 1 with ld 3 needs length >= 7, got 6",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 1, 3, B, 0, 4, 0f, c, 0, 4));
        expect(IndexOutOfBoundsException.class, "sgemm: array C is too short: 2 x 4 stored"
                        + " from offset 0 with ld 5 needs length >= 9, got 8",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 0, 3, B, 0, 4, 0f, c, 0, 5));
        expect(IndexOutOfBoundsException.class, "sgemm: bOffset -1 is outside array B of"
                        + " length 12; the offset must be in [0, 12]",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 0, 3, B, -1, 4, 0f, c, 0, 4));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsOutputOverlappingInput(Gemm gemm) {
        float[] shared = new float[20];
        expect(IllegalArgumentException.class, "sgemm: C elements [4, 12) overlap A elements"
                        + " [0, 6) in the same array; C must not share elements with A, so write"
                        + " C to a separate array or region",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, shared, 0, 3, B, 0, 4, 0f,
                        shared, 4, 4));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsNullArray(Gemm gemm) {
        expect(NullPointerException.class, "sgemm: array C is null",
                () -> gemm.sgemm(false, false, 2, 4, 3, 1f, A, 0, 3, B, 0, 4, 0f, null, 0, 4));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void acceptsDisjointRegionsOfOneArray(Gemm gemm) {
        // A = [1 2] at [0, 2), B = [3; 4] at [2, 4), C at [4, 5): C = 1 * 3 + 2 * 4.
        float[] shared = {1, 2, 3, 4, 99};
        gemm.sgemm(false, false, 1, 1, 2, 1f, shared, 0, 2, shared, 2, 1, 0f, shared, 4, 1);
        assertEquals(11f, shared[4]);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void emptySizesAcceptZeroLeadingDimensions(Gemm gemm) {
        float[] c = {5f, 6f};
        gemm.sgemm(false, false, 0, 2, 0, 1f, new float[0], 0, 0, new float[0], 0, 2, 0f,
                c, 0, 2);
        assertEquals(5f, c[0], "m == 0 must leave C alone");
        gemm.sgemm(false, false, 1, 2, 0, 1f, new float[0], 0, 0, new float[0], 0, 2, 3f,
                c, 0, 2);
        assertEquals(15f, c[0], "k == 0 must give C = beta * C");
        assertEquals(18f, c[1], "k == 0 must give C = beta * C");
    }

    private static void expect(Class<? extends RuntimeException> type, String message,
                               Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }
}
