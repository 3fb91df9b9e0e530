package org.cortexj.backend.cpu.gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits the rows of one gemm call into contiguous blocks and computes them on up to
 * {@code threadCount} threads: the calling thread takes the first block, and pool threads the
 * others. The pool starts on first use, and its daemon threads exit after 30 s without work.
 */
final class RowBlockRunner {

    /** Computation of rows {@code [rowStart, rowEnd)} of C. */
    interface RowRange {
        void compute(int rowStart, int rowEnd);
    }

    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final int threadCount;
    private ThreadPoolExecutor pool;

    RowBlockRunner(int threadCount) {
        this.threadCount = threadCount;
    }

    /**
     * Computes rows {@code [0, rows)} and returns when all blocks are done. Block boundaries are
     * multiples of {@code alignment} rows, so tiled kernels see whole tiles except at the end.
     */
    void run(int rows, int alignment, RowRange task) {
        int tiles = (rows + alignment - 1) / alignment;
        int blocks = Math.min(threadCount, tiles);
        if (blocks <= 1) {
            task.compute(0, rows);
            return;
        }

        List<Future<?>> pending = new ArrayList<>(blocks - 1);
        for (int block = 1; block < blocks; block++) {
            int start = blockStart(block, blocks, tiles, alignment, rows);
            int end = blockStart(block + 1, blocks, tiles, alignment, rows);
            pending.add(pool().submit(() -> task.compute(start, end)));
        }
        try {
            task.compute(0, blockStart(1, blocks, tiles, alignment, rows));
        } finally {
            awaitAll(pending);
        }
    }

    private static int blockStart(int block, int blocks, int tiles, int alignment, int rows) {
        long tile = (long) tiles * block / blocks;
        return (int) Math.min(rows, tile * alignment);
    }

    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            int poolNumber = POOL_COUNT.incrementAndGet();
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable,
                        "cortexj-gemm-" + poolNumber + "-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            pool = new ThreadPoolExecutor(threadCount - 1, threadCount - 1, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), factory);
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /**
     * Waits for every block, even when interrupted, because the blocks write into the caller's
     * array; the interrupt flag is restored afterwards.
     */
    private static void awaitAll(List<Future<?>> pending) {
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<?> future : pending) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("gemm: a row block failed", failure);
        }
    }
}
