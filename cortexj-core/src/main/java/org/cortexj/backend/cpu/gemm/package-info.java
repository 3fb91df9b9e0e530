/**
 * Matrix multiply (gemm) kernels of the CPU backend, on row-major Java heap arrays.
 *
 * <p>{@link org.cortexj.backend.cpu.gemm.Gemm} is the BLAS-style contract.
 * {@link org.cortexj.backend.cpu.gemm.GemmProvider#get()} returns the implementation to use:
 * {@link org.cortexj.backend.cpu.gemm.OpenBlasGemm}, which calls OpenBLAS through the JavaCPP
 * presets, or {@link org.cortexj.backend.cpu.gemm.JavaGemm}, the pure-Java reference and
 * fallback. OpenBLAS reads heap arrays in place, pinned by the prebuilt JNI library of
 * {@code dev.ludovic.netlib:blas} (see {@code PinnedArrayCalls}), and through off-heap copies
 * when that library cannot be used. {@link org.cortexj.backend.cpu.gemm.PartitionedGemm} splits large products into
 * column or row blocks that a {@link org.cortexj.backend.cpu.gemm.BlockExecutor}, such as the
 * CPU backend's workers, computes with single-threaded OpenBLAS calls.
 *
 * <p>Not here yet: batched and strided-batch products, int32 products, and SIMD kernels in
 * {@code JavaGemm} (it relies on the JIT's auto-vectorization).
 */
package org.cortexj.backend.cpu.gemm;
