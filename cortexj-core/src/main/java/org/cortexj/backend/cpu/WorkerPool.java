package org.cortexj.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Fixed set of daemon threads that run the parallel parts of CPU kernels.
 *
 * <p>Work is split into numbered tasks whose boundaries the caller fixes, so a result never
 * depends on how many workers there are or which worker ran which task. The calling thread runs
 * the first share itself.
 */
final class WorkerPool implements AutoCloseable {

    /**
     * Time in nanoseconds that the calling thread polls for the other shares to finish before it
     * blocks in {@link Future#get()}. Shares are balanced, so it usually waits tens of
     * microseconds, and on a 2-vCPU AMD EPYC virtual machine blocking for such a wait cost about
     * 0.4 ms per call. There, the single-threaded OpenBLAS products [128 x 800]·[800 x 496] on
     * the caller and [128 x 800]·[800 x 504] on a pool thread took 1.4 to 1.5 ms when the caller
     * blocked. They took 1.1 ms, as long as one product alone, when it polled for 50 or 100 µs. Polling
     * for 20 µs was too short.
     */
    private static final long POLL_NANOS = 100_000;

    private final int workers;
    private final ExecutorService executor;

    WorkerPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("cpu backend: workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.executor = workers == 1 ? null : new ThreadPoolExecutor(workers - 1, workers - 1, 0L, TimeUnit.MILLISECONDS,
                new SpinningQueue(), daemonThreads());
    }

    int workers() {
        return workers;
    }

    /** Work on a contiguous range of task numbers. */
    @FunctionalInterface
    interface RangeTask {
        void run(int first, int end);
    }

    /** Runs {@code task.accept(i)} for every i in [0, taskCount), spread over the workers. */
    void parallelFor(int taskCount, IntConsumer task) {
        parallelRanges(taskCount, (first, end) -> runRange(task, first, end));
    }

    /**
     * Splits [0, taskCount) into one contiguous range per worker and runs them at once. The
     * split depends on the worker count, so a task must compute the same result whichever range
     * it lands in.
     */
    void parallelRanges(int taskCount, RangeTask task) {
        int shares = Math.min(workers, taskCount);
        if (shares <= 1 || Thread.currentThread().getName().startsWith(THREAD_PREFIX)) {
            task.run(0, taskCount);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(shares - 1);
        for (int share = 1; share < shares; share++) {
            int first = (int) ((long) taskCount * share / shares);
            int end = (int) ((long) taskCount * (share + 1) / shares);
            futures.add(executor.submit(() -> task.run(first, end)));
        }
        Throwable failure = null;
        try {
            task.run(0, (int) ((long) taskCount / shares));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        pollUntilDone(futures);
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        rethrow(failure);
    }

    /**
     * Polls for up to {@link #POLL_NANOS} until every future is done, so that a short wait for
     * the other shares does not block the calling thread.
     */
    private static void pollUntilDone(List<Future<?>> futures) {
        long start = System.nanoTime();
        for (Future<?> future : futures) {
            while (!future.isDone()) {
                if (System.nanoTime() - start > POLL_NANOS) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static void runRange(IntConsumer task, int first, int end) {
        for (int i = first; i < end; i++) {
            task.accept(i);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("cpu backend: a worker failed", failure);
    }

    /**
     * Time in nanoseconds that an idle worker polls for the next task before it blocks. A
     * blocked worker takes long to wake on a virtual machine, which products of a millisecond
     * feel. We measured on the 2-vCPU Xeon VM (2026-12-05, JMH, 2 forks of 10 iterations).
     * Writing [128 x 800]·[800 x 1000] into an existing tensor took 0.857 ms without polling,
     * 0.759 ms with 100 µs and 0.830 ms with 1 ms. Polling for 1 ms made a training epoch of the seed
     * network on two replicas about 5% slower, as the polling worker competed with the replicas'
     * threads; 100 µs did not change it.
     */
    private static final long SPIN_NANOS = 100_000;

    /** Task queue whose idle workers poll for a while before they block. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        @Override
        public Runnable take() throws InterruptedException {
            long start = System.nanoTime();
            do {
                Runnable task = poll();
                if (task != null) {
                    return task;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - start < SPIN_NANOS);
            return super.take();
        }
    }

    private static final String THREAD_PREFIX = "cortexj-cpu-";

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
