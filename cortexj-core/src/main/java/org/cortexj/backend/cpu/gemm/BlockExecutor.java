package org.cortexj.backend.cpu.gemm;

import java.util.function.IntConsumer;

/**
 * Threads on which {@link PartitionedGemm} computes the blocks of one product, such as the worker
 * pool of the CPU backend.
 */
@FunctionalInterface
public interface BlockExecutor {

    /**
     * Runs {@code block.accept(i)} once for every {@code i} in {@code [0, blockCount)} and returns
     * when all have finished. Blocks may run in parallel on different threads, including the
     * calling thread, but each block runs on one thread from start to end. If a block throws, the
     * method throws one of the failures after every block has finished.
     */
    void runBlocks(int blockCount, IntConsumer block);
}
