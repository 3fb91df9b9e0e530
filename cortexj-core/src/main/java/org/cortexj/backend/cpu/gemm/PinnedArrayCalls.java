package org.cortexj.backend.cpu.gemm;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link ArrayPassing#PIN}: passes pinned heap arrays straight to OpenBLAS through
 * {@link CriticalCblas}.
 */
final class PinnedArrayCalls implements CblasCalls {

    private final long sgemmAddress;
    private final long dgemmAddress;

    private PinnedArrayCalls(long sgemmAddress, long dgemmAddress) {
        this.sgemmAddress = sgemmAddress;
        this.dgemmAddress = dgemmAddress;
    }

    /**
     * Outcome of loading the library, decided once per process: JavaCPP's {@code Loader.load}
     * throws only on the first failed attempt for a class and returns null on later ones.
     */
    private static final class Availability {
        static final PinnedArrayCalls CALLS;
        static final UnsatisfiedLinkError FAILURE;

        static {
            PinnedArrayCalls calls = null;
            UnsatisfiedLinkError failure = null;
            try {
                Loader.load(CriticalCblas.class);
                calls = new PinnedArrayCalls(address("cblas_sgemm"), address("cblas_dgemm"));
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            } catch (LinkageError | RuntimeException e) {
                // Loader.load also fails this way, for example when it cannot extract the file.
                failure = new UnsatisfiedLinkError("jniCriticalCblas failed to load: " + e);
                failure.initCause(e);
            }
            CALLS = calls;
            FAILURE = failure;
        }
    }

    /**
     * Returns the calls through the {@code jniCriticalCblas} library, loading it and looking up
     * the cblas functions on first use. OpenBLAS must already be loaded.
     *
     * @throws UnsatisfiedLinkError if the library was not built or a function is missing; the
     *     same error on every call
     */
    static PinnedArrayCalls load() {
        if (Availability.CALLS == null) {
            throw Availability.FAILURE;
        }
        return Availability.CALLS;
    }

    private static long address(String symbol) {
        Pointer function = Loader.addressof(symbol);
        if (function == null || function.isNull()) {
            throw new UnsatisfiedLinkError("OpenBLAS: symbol " + symbol
                    + " not found in the loaded native libraries");
        }
        return function.address();
    }

    @Override
    public void sgemm(int transA, int transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        CriticalCblas.sgemm(sgemmAddress, openblas.CblasRowMajor, transA, transB, m, n, k,
                alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    @Override
    public void dgemm(int transA, int transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        CriticalCblas.dgemm(dgemmAddress, openblas.CblasRowMajor, transA, transB, m, n, k,
                alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }
}
