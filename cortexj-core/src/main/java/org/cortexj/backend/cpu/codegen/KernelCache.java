package org.cortexj.backend.cpu.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded map from program structure to generated kernel, safe for concurrent use. When full
 * it drops the least recently used entry.
 *
 * <p>A structure gets its kernel on its {@code generateAfter}-th lookup; earlier lookups return
 * null, so the caller interprets. A new kernel starts in the bytecode interpreter, where its
 * Vector API calls are far slower than the interpreter's compiled kernels, so only expressions
 * that recur, as in a training loop, are worth generating. A key whose generation failed keeps
 * a failed entry, so it is not generated again while that entry stays in the cache.
 *
 * <p>Generation runs outside the lock. Two threads that reach the threshold for the same key at
 * once may both generate it. The first to finish fills the entry, and both return that kernel.
 */
final class KernelCache {

    private static final Logger LOG = Logger.getLogger("org.cortexj.backend");

    /** Lookups so far and the outcome of generation, which is null until it ran. */
    private static final class Entry {
        int lookups;
        boolean generated;
        FusedKernel kernel;
    }

    private final int capacity;
    private final Function<KernelKey, FusedKernel> compiler;
    private final Map<KernelKey, Entry> entries;
    private final AtomicInteger compilations = new AtomicInteger();
    private volatile int generateAfter;

    /**
     * @param capacity maximum number of entries, at least 1
     * @param generateAfter lookups of a key up to and including the one that generates its kernel, at least 1
     * @param compiler generates the kernel for a key; it may throw to report that it cannot
     */
    KernelCache(int capacity, int generateAfter, Function<KernelKey, FusedKernel> compiler) {
        if (capacity < 1) {
            throw new IllegalArgumentException("fused kernel cache: capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.compiler = compiler;
        generateAfter(generateAfter);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<KernelKey, Entry> eldest) {
                return size() > KernelCache.this.capacity;
            }
        };
    }

    /** Sets the lookup count at which a key's kernel is generated; entries keep their counts. */
    void generateAfter(int lookups) {
        if (lookups < 1) {
            throw new IllegalArgumentException("fused kernel cache: generateAfter must be at least 1, got " + lookups);
        }
        this.generateAfter = lookups;
    }

    /**
     * Counts a lookup of {@code key} and returns its kernel, generating it when the count
     * reaches the threshold; null before that and when generation failed.
     */
    FusedKernel get(KernelKey key) {
        synchronized (entries) {
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (entry.generated) {
                return entry.kernel;
            }
            entry.lookups++;
            if (entry.lookups < generateAfter) {
                return null;
            }
        }
        FusedKernel kernel = generate(key);
        synchronized (entries) {
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (!entry.generated) {
                entry.generated = true;
                entry.kernel = kernel;
            }
            return entry.kernel;
        }
    }

    private FusedKernel generate(KernelKey key) {
        compilations.incrementAndGet();
        try {
            return compiler.apply(key);
        } catch (UnsupportedProgramException e) {
            LOG.fine(() -> e.getMessage() + "; the interpreter evaluates this program");
            return null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "fused kernel: generation failed for a " + key.dataType() + " program of "
                    + key.structure().size() + " instructions; the interpreter evaluates it", e);
            return null;
        }
    }

    /** Number of entries now held, counting ones and failed ones included. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Whether {@code key} has a generated kernel, without counting as a use. */
    boolean containsKernel(KernelKey key) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            return entry != null && entry.kernel != null;
        }
    }

    /** Whether {@code key} has an entry of any kind, without counting as a use. */
    boolean contains(KernelKey key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Number of generation attempts so far. */
    int compilations() {
        return compilations.get();
    }
}
