package org.cortexj.backend.cpu.gemm;

import java.util.Arrays;

/**
 * The {@code C = beta * C} step that a gemm call reduces to when {@code k == 0} or
 * {@code alpha == 0}.
 */
final class BetaScaling {

    private BetaScaling() {
    }

    /** Scales the {@code m x n} matrix C; {@code beta == 0} writes zeros without reading C. */
    static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int start = cOffset + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, start, start + n, 0f);
                continue;
            }
            for (int j = start; j < start + n; j++) {
                c[j] *= beta;
            }
        }
    }

    /** Scales the {@code m x n} matrix C; {@code beta == 0} writes zeros without reading C. */
    static void scale(int m, int n, double beta, double[] c, int cOffset, int ldc) {
        if (beta == 1d) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int start = cOffset + i * ldc;
            if (beta == 0d) {
                Arrays.fill(c, start, start + n, 0d);
                continue;
            }
            for (int j = start; j < start + n; j++) {
                c[j] *= beta;
            }
        }
    }
}
