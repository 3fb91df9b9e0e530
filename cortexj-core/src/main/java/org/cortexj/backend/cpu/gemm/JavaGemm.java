package org.cortexj.backend.cpu.gemm;

/**
 * Pure-Java {@link Gemm}: the reference that other implementations are tested against, and the
 * fallback when OpenBLAS is not available.
 *
 * <p>Each element of C is computed exactly as the plain triple loop computes it: the products
 * {@code a(i, p) * b(p, j)} are summed in order of increasing {@code p}, starting from 0, and the
 * sum {@code s} then gives {@code alpha * s + beta * c}, or {@code alpha * s} when
 * {@code beta == 0}. Sums are kept in the element type (float32 sums for {@code sgemm}). The rows
 * of C are split between threads in blocks, which changes no element's operations, so results
 * are the same bits for every thread count.
 *
 * <p>Instances are thread-safe. With a thread count above 1, a call large enough to be worth
 * splitting runs on the calling thread plus a pool of daemon threads owned by this instance.
 */
public final class JavaGemm implements Gemm {

    /** Below this many multiply-adds a call runs on the calling thread alone. */
    private static final long PARALLEL_MIN_MULTIPLY_ADDS = 1L << 18;

    private final int threadCount;
    private final RowBlockRunner runner;

    /** Creates a single-threaded instance. */
    public JavaGemm() {
        this(1);
    }

    /**
     * Creates an instance that splits large calls over up to {@code threadCount} threads,
     * counting the calling thread.
     *
     * @throws IllegalArgumentException if {@code threadCount < 1}
     */
    public JavaGemm(int threadCount) {
        if (threadCount < 1) {
            throw new IllegalArgumentException(
                    "JavaGemm: threadCount must be >= 1, got " + threadCount);
        }
        this.threadCount = threadCount;
        this.runner = new RowBlockRunner(threadCount);
    }

    /** Maximum number of threads one call uses, counting the calling thread. */
    public int threadCount() {
        return threadCount;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        GemmArguments.checkFloat("sgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            BetaScaling.scale(m, n, beta, c, cOffset, ldc);
            return;
        }

        FloatRowKernel kernel;
        if (transB) {
            float[] packed = Transposition.transpose(b, bOffset, ldb, n, k);
            kernel = new FloatRowKernel(transA, n, k, alpha, a, aOffset, lda, packed, 0, n,
                    beta, c, cOffset, ldc);
        } else {
            kernel = new FloatRowKernel(transA, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }
        runRows(m, n, k, FloatRowKernel.ROW_TILE, kernel::computeRows);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
                      double alpha, double[] a, int aOffset, int lda,
                      double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc) {
        GemmArguments.checkDouble("dgemm", transA, transB, m, n, k,
                a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0d) {
            BetaScaling.scale(m, n, beta, c, cOffset, ldc);
            return;
        }

        DoubleRowKernel kernel;
        if (transB) {
            double[] packed = Transposition.transpose(b, bOffset, ldb, n, k);
            kernel = new DoubleRowKernel(transA, n, k, alpha, a, aOffset, lda, packed, 0, n,
                    beta, c, cOffset, ldc);
        } else {
            kernel = new DoubleRowKernel(transA, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }
        runRows(m, n, k, DoubleRowKernel.ROW_TILE, kernel::computeRows);
    }

    private void runRows(int m, int n, int k, int rowTile, RowBlockRunner.RowRange rows) {
        long multiplyAdds = (long) m * n * k;
        if (threadCount == 1 || multiplyAdds < PARALLEL_MIN_MULTIPLY_ADDS) {
            rows.compute(0, m);
            return;
        }
        runner.run(m, rowTile, rows);
    }

    @Override
    public String name() {
        return "pure Java (" + threadCount + (threadCount == 1 ? " thread)" : " threads)");
    }
}
