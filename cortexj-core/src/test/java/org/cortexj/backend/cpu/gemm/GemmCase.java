package org.cortexj.backend.cpu.gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One gemm call to test: sizes, transposes, scalars and the storage layout, where every operand
 * starts at {@code offset} and has {@code ldPadding} unused elements after each stored row.
 * Padding and the area before the offset hold NaN in A and B, so a kernel that reads them
 * produces NaN, and a sentinel in C, so a kernel that writes them is caught.
 */
record GemmCase(int m, int n, int k, boolean transA, boolean transB,
                double alpha, double beta, int offset, int ldPadding, boolean nanInC) {

    /** Value placed in the unused elements of C. */
    static final float C_SENTINEL = -12345.5f;

    int aRows() {
        return transA ? k : m;
    }

    int aCols() {
        return transA ? m : k;
    }

    int bRows() {
        return transB ? n : k;
    }

    int bCols() {
        return transB ? k : n;
    }

    int lda() {
        return aCols() + ldPadding;
    }

    int ldb() {
        return bCols() + ldPadding;
    }

    int ldc() {
        return n + ldPadding;
    }

    /** Index in A of element (i, p) of op(A). */
    int aIndex(int i, int p) {
        return transA ? offset + p * lda() + i : offset + i * lda() + p;
    }

    /** Index in B of element (p, j) of op(B). */
    int bIndex(int p, int j) {
        return transB ? offset + j * ldb() + p : offset + p * ldb() + j;
    }

    int cIndex(int i, int j) {
        return offset + i * ldc() + j;
    }

    float[] floatA(Random random) {
        return fill(offset + aRows() * lda() + 2, aRows(), aCols(), lda(), random);
    }

    float[] floatB(Random random) {
        return fill(offset + bRows() * ldb() + 2, bRows(), bCols(), ldb(), random);
    }

    /** C with random values, or NaN when {@link #nanInC}, and the sentinel outside m x n. */
    float[] floatC(Random random) {
        float[] c = new float[offset + m * ldc() + 2];
        java.util.Arrays.fill(c, C_SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cIndex(i, j)] = nanInC ? Float.NaN : randomValue(random);
            }
        }
        return c;
    }

    private float[] fill(int length, int rows, int cols, int ld, Random random) {
        float[] values = new float[length];
        java.util.Arrays.fill(values, Float.NaN);
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                values[offset + r * ld + col] = randomValue(random);
            }
        }
        return values;
    }

    /** Values in [-2, 2) with a fraction part, so products round in float32. */
    private static float randomValue(Random random) {
        return random.nextFloat() * 4f - 2f;
    }

    static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Returns whether index {@code index} of C lies outside the m x n matrix. */
    boolean isOutsideC(int index) {
        int relative = index - offset;
        return relative < 0 || relative >= m * ldc() || relative % ldc() >= n;
    }

    /**
     * Returns the cross product of the sizes, transposes, layouts and scalars below. The scalar
     * pairs cover the BLAS special cases (alpha 1, beta 0 or 1, alpha 0) and general values;
     * beta 0 runs with NaN in C.
     */
    static List<GemmCase> all() {
        int[][] sizes = {
            {1, 1, 1}, {7, 13, 5}, {5, 7, 13}, {13, 5, 7}, {16, 16, 16}, {33, 17, 65},
            {1, 40, 3}, {40, 1, 3}, {9, 6, 1}, {0, 5, 3}, {5, 0, 3}, {4, 6, 0}, {0, 0, 0},
        };
        double[][] scalars = {{1, 0}, {1, 1}, {-1.5, 0.75}, {0.5, 0}, {0, 2}, {0, 0}};
        int[][] layouts = {{0, 0}, {3, 5}};
        List<GemmCase> cases = new ArrayList<>();
        for (int[] size : sizes) {
            for (int transposes = 0; transposes < 4; transposes++) {
                for (int[] layout : layouts) {
                    for (double[] scalar : scalars) {
                        cases.add(new GemmCase(size[0], size[1], size[2],
                                (transposes & 1) != 0, (transposes & 2) != 0,
                                scalar[0], scalar[1], layout[0], layout[1], scalar[1] == 0));
                    }
                }
            }
        }
        return cases;
    }
}
