package org.cortexj.backend.cpu.gemm;

import java.util.Arrays;

/**
 * Float64 kernel of {@link JavaGemm}: computes a range of rows of C in i-k-j order.
 *
 * <p>Every element of C is computed by the same operations in the same order as the plain triple
 * loop {@code sum = 0; for p in 0..k-1: sum += a(i, p) * b(p, j)}, followed by
 * {@code c = alpha * sum + beta * c} ({@code alpha * sum} when {@code beta == 0}). The tiling
 * over rows and columns only changes which elements are in flight together, so results do not
 * depend on how rows are split between threads.
 *
 * <p>B must be stored untransposed ({@link JavaGemm} packs a transposed B first). Instances are
 * immutable and shared by the threads of one call.
 */
final class DoubleRowKernel {

    /** Rows of C computed together, so each loaded element of B feeds this many rows. */
    static final int ROW_TILE = 4;

    /** Columns of C accumulated at once; 4 rows of 512 doubles (16 KiB) stay in L1. */
    private static final int COLUMN_TILE = 512;

    private final boolean transA;
    private final int n;
    private final int k;
    private final double alpha;
    private final double[] a;
    private final int aOffset;
    private final int lda;
    private final double[] b;
    private final int bOffset;
    private final int ldb;
    private final double beta;
    private final double[] c;
    private final int cOffset;
    private final int ldc;

    DoubleRowKernel(boolean transA, int n, int k, double alpha,
                    double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                    double beta, double[] c, int cOffset, int ldc) {
        this.transA = transA;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOffset = aOffset;
        this.lda = lda;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOffset = cOffset;
        this.ldc = ldc;
    }

    /** Computes rows {@code [rowStart, rowEnd)} of C. */
    void computeRows(int rowStart, int rowEnd) {
        double[] sums = new double[ROW_TILE * COLUMN_TILE];
        for (int row = rowStart; row < rowEnd; row += ROW_TILE) {
            int rows = Math.min(ROW_TILE, rowEnd - row);
            for (int column = 0; column < n; column += COLUMN_TILE) {
                int columns = Math.min(COLUMN_TILE, n - column);
                Arrays.fill(sums, 0d);
                if (rows == ROW_TILE) {
                    accumulateFourRows(row, column, columns, sums);
                } else {
                    for (int r = 0; r < rows; r++) {
                        accumulateOneRow(row + r, column, columns, sums, r * COLUMN_TILE);
                    }
                }
                store(row, rows, column, columns, sums);
            }
        }
    }

    private void accumulateFourRows(int row, int column, int columns, double[] sums) {
        final int s1 = COLUMN_TILE;
        final int s2 = 2 * COLUMN_TILE;
        final int s3 = 3 * COLUMN_TILE;
        for (int p = 0; p < k; p++) {
            double a0 = elementOfA(row, p);
            double a1 = elementOfA(row + 1, p);
            double a2 = elementOfA(row + 2, p);
            double a3 = elementOfA(row + 3, p);
            int bRow = bOffset + p * ldb + column;
            for (int j = 0; j < columns; j++) {
                double bValue = b[bRow + j];
                sums[j] += a0 * bValue;
                sums[s1 + j] += a1 * bValue;
                sums[s2 + j] += a2 * bValue;
                sums[s3 + j] += a3 * bValue;
            }
        }
    }

    private void accumulateOneRow(int row, int column, int columns, double[] sums, int sumStart) {
        for (int p = 0; p < k; p++) {
            double aValue = elementOfA(row, p);
            int bRow = bOffset + p * ldb + column;
            for (int j = 0; j < columns; j++) {
                sums[sumStart + j] += aValue * b[bRow + j];
            }
        }
    }

    private double elementOfA(int row, int p) {
        return transA ? a[aOffset + p * lda + row] : a[aOffset + row * lda + p];
    }

    private void store(int row, int rows, int column, int columns, double[] sums) {
        for (int r = 0; r < rows; r++) {
            int cStart = cOffset + (row + r) * ldc + column;
            int sumStart = r * COLUMN_TILE;
            if (beta == 0d) {
                for (int j = 0; j < columns; j++) {
                    c[cStart + j] = alpha * sums[sumStart + j];
                }
            } else {
                for (int j = 0; j < columns; j++) {
                    c[cStart + j] = alpha * sums[sumStart + j] + beta * c[cStart + j];
                }
            }
        }
    }
}
