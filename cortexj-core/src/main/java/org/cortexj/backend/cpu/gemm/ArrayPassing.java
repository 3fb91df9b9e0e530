package org.cortexj.backend.cpu.gemm;

/** Strategy by which {@link OpenBlasGemm} passes Java heap arrays to native OpenBLAS. */
public enum ArrayPassing {
    /**
     * Pin the arrays with JNI critical access for the duration of the call, so OpenBLAS reads
     * and writes them in place, through the prebuilt JNI library of {@code dev.ludovic.netlib:blas}
     * (see {@link PinnedArrayCalls}).
     */
    PIN,
    /**
     * Copy the used parts of A, B and C into reused off-heap scratch memory and copy the result
     * back into C. Works with the OpenBLAS library alone.
     */
    COPY
}
