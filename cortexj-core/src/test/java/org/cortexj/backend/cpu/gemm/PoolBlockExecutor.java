package org.cortexj.backend.cpu.gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * {@link BlockExecutor} for tests: the calling thread runs block 0 and a fixed pool of daemon
 * threads runs the others, so blocks of one product really run on different threads.
 */
final class PoolBlockExecutor implements BlockExecutor {

    private final ExecutorService pool;

    PoolBlockExecutor(int poolThreads) {
        this.pool = Executors.newFixedThreadPool(poolThreads, runnable -> {
            Thread thread = new Thread(runnable, "test-gemm-block");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void runBlocks(int blockCount, IntConsumer block) {
        List<Future<?>> pending = new ArrayList<>();
        for (int index = 1; index < blockCount; index++) {
            int current = index;
            pending.add(pool.submit(() -> block.accept(current)));
        }
        if (blockCount > 0) {
            block.accept(0);
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("test executor: interrupted while waiting for a block", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("test executor: a block failed", e.getCause());
            }
        }
    }
}
