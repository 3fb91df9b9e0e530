package org.cortexj.backend.cpu;

/** Matrix products of the CPU backend. */
final class CpuGemm {

    CpuGemm(int workers) {
    }

    String name() {
        return "java";
    }

    void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
              CpuBuffer a, int aOffset, int lda, CpuBuffer b, int bOffset, int ldb,
              double beta, CpuBuffer c, int cOffset, int ldc) {
        // TODO: replace with the OpenBLAS-backed kernels
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = CpuBackend.read(a.array(), aOffset + (transposeA ? p * lda + i : i * lda + p));
                    double y = CpuBackend.read(b.array(), bOffset + (transposeB ? j * ldb + p : p * ldb + j));
                    sum += x * y;
                }
                int index = cOffset + i * ldc + j;
                double old = beta == 0 ? 0 : beta * CpuBackend.read(c.array(), index);
                if (c.array() instanceof float[] f) {
                    f[index] = (float) (alpha * sum + old);
                } else {
                    ((double[]) c.array())[index] = alpha * sum + old;
                }
            }
        }
    }
}
