package org.cortexj.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.cortexj.backend.Buffer;

/**
 * A buffer shared by a tensor and its views, plus the tensors that still depend on its current
 * contents without owning a copy: lazy expressions that read it, and results that alias it
 * after an in-place assignment. Before the buffer changes in place, each of them is made
 * independent, so no tensor ever observes a later write to data it was computed from.
 */
final class Storage {

    private final Buffer buffer;
    private final List<WeakReference<Tensor>> dependents = new ArrayList<>();
    private int pruneAt = 16;

    Storage(Buffer buffer) {
        this.buffer = buffer;
    }

    Buffer buffer() {
        return buffer;
    }

    synchronized void addDependent(Tensor tensor) {
        if (dependents.size() >= pruneAt) {
            dependents.removeIf(reference -> reference.get() == null);
            pruneAt = Math.max(16, dependents.size() * 2);
        }
        dependents.add(new WeakReference<>(tensor));
    }

    /**
     * Makes every dependent independent of this storage before an in-place write.
     *
     * @param except a tensor that the caller handles itself and then discards, or null
     */
    void detachDependents(Tensor except) {
        List<Tensor> pending = new ArrayList<>();
        synchronized (this) {
            for (WeakReference<Tensor> reference : dependents) {
                Tensor tensor = reference.get();
                if (tensor != null && tensor != except) {
                    pending.add(tensor);
                }
            }
            dependents.clear();
        }
        for (Tensor tensor : pending) {
            tensor.detachFrom(this);
        }
    }
}
