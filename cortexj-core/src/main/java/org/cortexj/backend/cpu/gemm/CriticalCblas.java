package org.cortexj.backend.cpu.gemm;

import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.CriticalRegion;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JNI entry points that call {@code cblas_sgemm} and {@code cblas_dgemm} on Java heap arrays
 * without copying them.
 *
 * <p>The JavaCPP builder (its Maven plugin, {@code org.bytedeco:javacpp}, goal {@code build})
 * generates and compiles {@code libjniCriticalCblas.so} from this class. Because of
 * {@link CriticalRegion}, the generated code takes the arrays with
 * {@code GetPrimitiveArrayCritical}, which pins them instead of copying them as
 * {@code Get<Type>ArrayElements} does in HotSpot. The generated code includes no BLAS header and
 * links no BLAS library: the caller passes the address of the cblas function, which must have
 * the standard signature, and the macros below cast it and add the element offsets.
 *
 * <p>Until the library is built, {@code Loader.load(CriticalCblas.class)} throws
 * {@link UnsatisfiedLinkError} and {@link OpenBlasGemm} copies arrays instead.
 *
 * <p>NOTE: while a call runs, HotSpot's GC locker keeps garbage collection from starting, so
 * other threads that need a collection wait until the multiply ends.
 */
@Platform(define = {
    "CORTEXJ_CALL_SGEMM(function, order, transA, transB, m, n, k, alpha, a, aOffset, lda, b,"
        + " bOffset, ldb, beta, c, cOffset, ldc)"
        + " ((void (*)(int, int, int, int, int, int, float, const float*, int, const float*,"
        + " int, float, float*, int)) (function))"
        + "(order, transA, transB, m, n, k, alpha, (a) + (aOffset), lda, (b) + (bOffset), ldb,"
        + " beta, (c) + (cOffset), ldc)",
    "CORTEXJ_CALL_DGEMM(function, order, transA, transB, m, n, k, alpha, a, aOffset, lda, b,"
        + " bOffset, ldb, beta, c, cOffset, ldc)"
        + " ((void (*)(int, int, int, int, int, int, double, const double*, int, const double*,"
        + " int, double, double*, int)) (function))"
        + "(order, transA, transB, m, n, k, alpha, (a) + (aOffset), lda, (b) + (bOffset), ldb,"
        + " beta, (c) + (cOffset), ldc)"
})
@CriticalRegion
final class CriticalCblas {

    private CriticalCblas() {
    }

    /**
     * Calls the {@code cblas_sgemm} at address {@code function} on pinned arrays. Arguments
     * follow CBLAS (order, transpose codes, sizes, leading dimensions) and must already be
     * valid: nothing is checked here, and invalid ones make OpenBLAS print an error to stderr
     * or read outside the arrays.
     */
    @Name("CORTEXJ_CALL_SGEMM")
    static native void sgemm(@Cast("void*") long function, int order, int transA, int transB,
                             int m, int n, int k, float alpha,
                             @Const float[] a, int aOffset, int lda,
                             @Const float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc);

    /** Double version of {@link #sgemm}, for {@code cblas_dgemm}. */
    @Name("CORTEXJ_CALL_DGEMM")
    static native void dgemm(@Cast("void*") long function, int order, int transA, int transB,
                             int m, int n, int k, double alpha,
                             @Const double[] a, int aOffset, int lda,
                             @Const double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc);
}
