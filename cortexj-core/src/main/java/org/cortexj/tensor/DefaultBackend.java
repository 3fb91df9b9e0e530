package org.cortexj.tensor;

import org.cortexj.backend.Backend;
import org.cortexj.backend.cpu.CpuBackend;

/**
 * The backend new tensors are created on. It is the CPU backend, created on first use with
 * {@code cortexj.workers} threads (default: available processors).
 */
public final class DefaultBackend {

    private static volatile Backend backend;

    private DefaultBackend() {
    }

    public static Backend get() {
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

    /** Replaces the default backend; tensors created earlier keep theirs. */
    public static synchronized void set(Backend replacement) {
        backend = replacement;
    }
}
