package org.cortexj.backend.cpu.gemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link ArrayPassing#COPY}: copies the used parts of A and B (and of C when
 * {@code beta != 0}) into off-heap scratch memory, calls OpenBLAS on it, and copies C back.
 *
 * <p>Each thread gets its own scratch memory, kept for the life of the thread and this instance
 * and grown to the largest call seen: up to three matrices per element type.
 */
final class ScratchCopyCalls implements CblasCalls {

    private final ThreadLocal<FloatScratch[]> floatScratch =
            ThreadLocal.withInitial(() -> new FloatScratch[] {
                new FloatScratch(), new FloatScratch(), new FloatScratch()});
    private final ThreadLocal<DoubleScratch[]> doubleScratch =
            ThreadLocal.withInitial(() -> new DoubleScratch[] {
                new DoubleScratch(), new DoubleScratch(), new DoubleScratch()});

    @Override
    public void sgemm(int transA, int transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        FloatScratch[] scratch = floatScratch.get();
        boolean aTransposed = transA == openblas.CblasTrans;
        boolean bTransposed = transB == openblas.CblasTrans;
        int aCols = aTransposed ? m : k;
        int bCols = bTransposed ? k : n;
        FloatPointer denseA = scratch[0].load(a, aOffset, lda, aTransposed ? k : m, aCols);
        FloatPointer denseB = scratch[1].load(b, bOffset, ldb, bTransposed ? n : k, bCols);
        // With beta == 0 OpenBLAS does not read C, so its old contents need no copy.
        FloatPointer denseC = beta == 0f
                ? scratch[2].reserve(m * n)
                : scratch[2].load(c, cOffset, ldc, m, n);

        openblas.cblas_sgemm(openblas.CblasRowMajor, transA, transB, m, n, k,
                alpha, denseA, aCols, denseB, bCols, beta, denseC, n);
        scratch[2].store(c, cOffset, ldc, m, n);
    }

    @Override
    public void dgemm(int transA, int transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        DoubleScratch[] scratch = doubleScratch.get();
        boolean aTransposed = transA == openblas.CblasTrans;
        boolean bTransposed = transB == openblas.CblasTrans;
        int aCols = aTransposed ? m : k;
        int bCols = bTransposed ? k : n;
        DoublePointer denseA = scratch[0].load(a, aOffset, lda, aTransposed ? k : m, aCols);
        DoublePointer denseB = scratch[1].load(b, bOffset, ldb, bTransposed ? n : k, bCols);
        DoublePointer denseC = beta == 0d
                ? scratch[2].reserve(m * n)
                : scratch[2].load(c, cOffset, ldc, m, n);

        openblas.cblas_dgemm(openblas.CblasRowMajor, transA, transB, m, n, k,
                alpha, denseA, aCols, denseB, bCols, beta, denseC, n);
        scratch[2].store(c, cOffset, ldc, m, n);
    }
}
