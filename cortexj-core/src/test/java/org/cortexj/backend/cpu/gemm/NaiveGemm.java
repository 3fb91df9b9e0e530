package org.cortexj.backend.cpu.gemm;

/**
 * The plain triple loop that defines the {@link Gemm} contract, written independently of the
 * kernels: one element at a time, products summed in order of increasing {@code p}.
 */
final class NaiveGemm {

    private NaiveGemm() {
    }

    static void sgemm(GemmCase g, float[] a, float[] b, float[] c) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                int cIndex = g.cIndex(i, j);
                if (g.k() == 0 || g.alpha() == 0) {
                    c[cIndex] = g.beta() == 0 ? 0f : (float) g.beta() * c[cIndex];
                    continue;
                }
                float sum = 0f;
                for (int p = 0; p < g.k(); p++) {
                    sum += a[g.aIndex(i, p)] * b[g.bIndex(p, j)];
                }
                float alpha = (float) g.alpha();
                float beta = (float) g.beta();
                c[cIndex] = beta == 0f ? alpha * sum : alpha * sum + beta * c[cIndex];
            }
        }
    }

    static void dgemm(GemmCase g, double[] a, double[] b, double[] c) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                int cIndex = g.cIndex(i, j);
                if (g.k() == 0 || g.alpha() == 0) {
                    c[cIndex] = g.beta() == 0 ? 0d : g.beta() * c[cIndex];
                    continue;
                }
                double sum = 0d;
                for (int p = 0; p < g.k(); p++) {
                    sum += a[g.aIndex(i, p)] * b[g.bIndex(p, j)];
                }
                c[cIndex] = g.beta() == 0d
                        ? g.alpha() * sum
                        : g.alpha() * sum + g.beta() * c[cIndex];
            }
        }
    }

    /**
     * Returns the bound on |computed - exact| for element (i, j) that any summation order
     * meets in floating point with unit roundoff {@code unitRoundoff}: roughly
     * {@code (k + 2) * u * (|alpha| * sum |a * b| + |beta * c|)}, doubled for slack.
     */
    static double errorBound(GemmCase g, double[] a, double[] b, double oldC, int i, int j,
                             double unitRoundoff) {
        double magnitude = 0;
        for (int p = 0; p < g.k(); p++) {
            magnitude += Math.abs(a[g.aIndex(i, p)] * b[g.bIndex(p, j)]);
        }
        double scaled = Math.abs(g.alpha()) * magnitude;
        if (g.beta() != 0) {
            scaled += Math.abs(g.beta() * oldC);
        }
        return 2 * (g.k() + 2) * unitRoundoff * scaled + Double.MIN_NORMAL;
    }
}
