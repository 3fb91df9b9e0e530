package org.cortexj.backend.cpu.gemm;

/**
 * One way of passing heap arrays to {@code cblas_sgemm} and {@code cblas_dgemm}. Callers pass
 * only validated arguments with {@code m}, {@code n} and {@code k} all positive; transposes are
 * CBLAS codes and the order is always row-major.
 */
interface CblasCalls {

    void sgemm(int transA, int transB, int m, int n, int k,
               float alpha, float[] a, int aOffset, int lda,
               float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc);

    void dgemm(int transA, int transB, int m, int n, int k,
               double alpha, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc);
}
