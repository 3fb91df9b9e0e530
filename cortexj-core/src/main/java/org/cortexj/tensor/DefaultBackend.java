package org.cortexj.tensor;

import org.cortexj.backend.Backend;
import org.cortexj.backend.cpu.CpuBackend;

/**
 * The backend new tensors are created on. It is the CPU backend, created on first use with
 * {@code cortexj.workers} threads (default: available processors), unless the calling thread
 * chose its own with {@link #useInThisThread}.
 */
public final class DefaultBackend {

    private static volatile Backend backend;
    private static final ThreadLocal<Backend> THREAD_BACKEND = new ThreadLocal<>();

    private DefaultBackend() {
    }

    /** Returns the calling thread's backend if it set one, else the process-wide backend. */
    public static Backend get() {
        Backend local = THREAD_BACKEND.get();
        if (local != null) {
            return local;
        }
        Backend current = backend;
        if (current == null) {
            synchronized (DefaultBackend.class) {
                if (backend == null) {
                    backend = CpuBackend.createDefault();
                }
                current = backend;
            }
        }
        return current;
    }

    /**
     * Makes {@code threadBackend} the default of the calling thread until the returned scope is
     * closed, which restores the thread's previous choice. Other threads keep theirs. Data-parallel
     * replicas use this to run each on its own single-worker backend.
     */
    public static Scope useInThisThread(Backend threadBackend) {
        if (threadBackend == null) {
            throw new NullPointerException("DefaultBackend.useInThisThread: backend is null");
        }
        Backend previous = THREAD_BACKEND.get();
        THREAD_BACKEND.set(threadBackend);
        return () -> {
            if (previous == null) {
                THREAD_BACKEND.remove();
            } else {
                THREAD_BACKEND.set(previous);
            }
        };
    }

    /** Restores the thread's previous default backend on close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Replaces the process-wide default backend; tensors created earlier keep theirs. */
    public static synchronized void set(Backend replacement) {
        backend = replacement;
    }
}
