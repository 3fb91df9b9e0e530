package org.cortexj.backend.cpu.conv;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs a body once for each index in {@code [0, count)}, on the calling thread or split across a
 * {@link ForkJoinPool}.
 *
 * <p>Callers pass bodies whose indices write disjoint output elements and read nothing that
 * another index writes. Each output element is then computed by the same operations in the same
 * order whatever the pool, so results are bit-identical for any thread count.
 */
final class PlaneTasks {

    /** Number of chunks per pool thread, so that uneven chunks can be balanced by stealing. */
    private static final int CHUNKS_PER_THREAD = 4;

    private PlaneTasks() {
    }

    /** Runs {@code body} for every index in order on the calling thread. */
    static void runSequential(int count, IntConsumer body) {
        for (int index = 0; index < count; index++) {
            body.accept(index);
        }
    }

    /**
     * Runs {@code body} for every index in {@code pool} and returns when all have finished. With
     * one index or a pool of parallelism 1 it runs on the calling thread instead. An exception
     * thrown by the body is rethrown here, possibly as a copy of the same type whose cause is
     * the original, as {@link ForkJoinPool#invoke} does.
     */
    static void run(int count, ForkJoinPool pool, IntConsumer body) {
        Objects.requireNonNull(pool, "pool must not be null; call the overload without a pool "
                + "to run on the calling thread");
        if (count <= 1 || pool.getParallelism() == 1) {
            runSequential(count, body);
            return;
        }
        int chunks = pool.getParallelism() * CHUNKS_PER_THREAD;
        int grain = Math.max(1, count / chunks);
        pool.invoke(new RangeTask(0, count, grain, body));
    }

    /** Range of indices that splits in halves until it has at most {@code grain} indices. */
    private static final class RangeTask extends RecursiveAction {

        private final int start;
        private final int end;
        private final int grain;
        private final transient IntConsumer body;

        RangeTask(int start, int end, int grain, IntConsumer body) {
            this.start = start;
            this.end = end;
            this.grain = grain;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (end - start <= grain) {
                for (int index = start; index < end; index++) {
                    body.accept(index);
                }
                return;
            }
            int middle = (start + end) >>> 1;
            invokeAll(new RangeTask(start, middle, grain, body), new RangeTask(middle, end, grain, body));
        }
    }
}
