package org.cortexj.backend.cpu;

import org.cortexj.backend.cpu.gemm.Gemm;
import org.cortexj.backend.cpu.gemm.GemmProvider;

/** Matrix products of the CPU backend, through the process-wide {@link Gemm} (OpenBLAS or Java). */
final class CpuGemm {

    private final Gemm gemm;

    CpuGemm(int workers) {
        this.gemm = GemmProvider.get();
    }

    String name() {
        return gemm.name();
    }

    void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
              CpuBuffer a, int aOffset, int lda, CpuBuffer b, int bOffset, int ldb,
              double beta, CpuBuffer c, int cOffset, int ldc) {
        Object target = c.array();
        if (target instanceof float[] floats) {
            gemm.sgemm(transposeA, transposeB, m, n, k, (float) alpha, a.floats(), aOffset, lda,
                    b.floats(), bOffset, ldb, (float) beta, floats, cOffset, ldc);
        } else if (target instanceof double[] doubles) {
            gemm.dgemm(transposeA, transposeB, m, n, k, alpha, a.doubles(), aOffset, lda,
                    b.doubles(), bOffset, ldb, beta, doubles, cOffset, ldc);
        } else {
            throw new IllegalArgumentException("matmul: needs float32 or float64 operands, got int32");
        }
    }
}
