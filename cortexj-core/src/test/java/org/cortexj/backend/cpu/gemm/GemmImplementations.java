package org.cortexj.backend.cpu.gemm;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;

/** The implementations that the shared correctness tests run against. */
final class GemmImplementations {

    private GemmImplementations() {
    }

    /**
     * Returns JavaGemm on 1 and 3 threads, OpenBLAS with copied and with pinned arrays, and
     * each OpenBLAS passing split into blocks over 3 workers with no minimum block size, so that
     * small products split too.
     */
    static List<Named<Gemm>> all() {
        List<Named<Gemm>> implementations = new ArrayList<>();
        implementations.add(Named.of("JavaGemm, 1 thread", new JavaGemm(1)));
        implementations.add(Named.of("JavaGemm, 3 threads", new JavaGemm(3)));
        implementations.add(Named.of("OpenBLAS, copied arrays",
                OpenBlasGemm.load(ArrayPassing.COPY)));
        implementations.add(Named.of("OpenBLAS, copied arrays, split over 3 workers",
                new PartitionedGemm(OpenBlasGemm.load(ArrayPassing.COPY), new PoolBlockExecutor(3), 3, 1)));
        implementations.add(Named.of("OpenBLAS, pinned arrays", OpenBlasGemm.load(ArrayPassing.PIN)));
        implementations.add(Named.of("OpenBLAS, pinned arrays, split over 3 workers",
                new PartitionedGemm(OpenBlasGemm.load(ArrayPassing.PIN), new PoolBlockExecutor(3), 3, 1)));
        return implementations;
    }

    /** Returns whether results must match the naive loop bit for bit rather than within a bound. */
    static boolean isExact(Gemm gemm) {
        return gemm instanceof JavaGemm;
    }
}
