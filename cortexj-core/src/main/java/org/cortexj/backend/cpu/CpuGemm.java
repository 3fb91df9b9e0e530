package org.cortexj.backend.cpu;

import org.cortexj.backend.cpu.gemm.Gemm;
import org.cortexj.backend.cpu.gemm.GemmProvider;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.backend.cpu.gemm.PartitionedGemm;

/**
 * Matrix products of the CPU backend, through the process-wide {@link Gemm} (OpenBLAS or Java).
 *
 * <p>With OpenBLAS the backend owns the threads: this class sets OpenBLAS to one thread for the
 * whole process and lets {@link PartitionedGemm} split each large product into column or row
 * blocks that the backend's workers compute, one single-threaded OpenBLAS call each, on the
 * heap arrays in place where the bounds allow and on off-heap copies otherwise. Letting OpenBLAS
 * thread a whole product itself was faster for a single [128 x 800]·[800 x 1000] product, but
 * its result then depends on the thread count in the last bits. Its idle threads also spin on
 * the cores for a while after each call: two-worker products that followed ran up to 1.5× slower.
 * System property {@value #THREADS_PROPERTY}{@code =openblas} chooses that anyway: one OpenBLAS
 * call per product, on as many OpenBLAS threads as the backend has workers.
 *
 * <p>The pure-Java fallback splits rows over threads of its own.
 */
final class CpuGemm {

    /** System property: {@code backend} (the default) or {@code openblas}, who threads a product. */
    static final String THREADS_PROPERTY = "cortexj.blas.threads";

    private final Gemm gemm;

    CpuGemm(WorkerPool pool) {
        Gemm provided = GemmProvider.get();
        boolean openBlasThreads = openBlasThreadsProducts();
        if (provided instanceof OpenBlasGemm && openBlasThreads) {
            OpenBlasGemm.setThreadCount(pool.workers());
            this.gemm = provided;
        } else if (provided instanceof OpenBlasGemm) {
            // NOTE: the thread count is process-wide, so OpenBLAS calls outside this backend run
            // on one thread too.
            OpenBlasGemm.setThreadCount(1);
            this.gemm = new PartitionedGemm(provided, pool::parallelFor, pool.workers());
        } else {
            this.gemm = provided;
        }
    }

    /** Reads {@value #THREADS_PROPERTY}: true for {@code openblas}, false when unset or {@code backend}. */
    private static boolean openBlasThreadsProducts() {
        String value = System.getProperty(THREADS_PROPERTY, "backend");
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "backend", "" -> false;
            case "openblas" -> true;
            default -> throw new IllegalArgumentException("System property " + THREADS_PROPERTY + " has invalid value '"
                    + value + "'; expected backend (split products over the backend's workers, the default) or "
                    + "openblas (OpenBLAS threads each product itself)");
        };
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
