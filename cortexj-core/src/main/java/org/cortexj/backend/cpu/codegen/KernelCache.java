package org.cortexj.backend.cpu.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded map from program structure to generated kernel, safe for concurrent use. When full
 * it drops the least recently used entry. A key whose generation failed keeps an empty entry,
 * so it is not generated again while that entry stays in the cache.
 *
 * <p>Generation runs outside the lock. Two threads that miss the same key at once may both
 * generate it; the first to finish fills the entry and both return that kernel.
 */
final class KernelCache {

    private static final Logger LOG = Logger.getLogger("org.cortexj.backend");

    private final int capacity;
    private final Function<KernelKey, FusedKernel> compiler;
    private final Map<KernelKey, Optional<FusedKernel>> entries;
    private final AtomicInteger compilations = new AtomicInteger();

    /**
     * @param capacity maximum number of entries, at least 1
     * @param compiler generates the kernel for a key; it may throw to report that it cannot
     */
    KernelCache(int capacity, Function<KernelKey, FusedKernel> compiler) {
        if (capacity < 1) {
            throw new IllegalArgumentException("fused kernel cache: capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.compiler = compiler;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<KernelKey, Optional<FusedKernel>> eldest) {
                return size() > KernelCache.this.capacity;
            }
        };
    }

    /** Returns the kernel for {@code key}, generating it on a miss; null when generation failed. */
    FusedKernel get(KernelKey key) {
        Optional<FusedKernel> cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached != null) {
            return cached.orElse(null);
        }
        Optional<FusedKernel> generated = generate(key);
        synchronized (entries) {
            Optional<FusedKernel> winner = entries.putIfAbsent(key, generated);
            return (winner != null ? winner : generated).orElse(null);
        }
    }

    private Optional<FusedKernel> generate(KernelKey key) {
        compilations.incrementAndGet();
        try {
            return Optional.of(compiler.apply(key));
        } catch (UnsupportedProgramException e) {
            LOG.fine(() -> e.getMessage() + "; the interpreter evaluates this program");
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "fused kernel: generation failed for a " + key.dataType() + " program of "
                    + key.structure().size() + " instructions; the interpreter evaluates it", e);
            return Optional.empty();
        }
    }

    /** Number of entries now held, failed ones included. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Whether {@code key} has an entry, without counting as a use. */
    boolean contains(KernelKey key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Number of generation attempts so far; each cache miss makes one. */
    int compilations() {
        return compilations.get();
    }
}
