package org.cortexj.tensor;

/**
 * Seeded source of random numbers for tensors and layers.
 *
 * <p>The generator is counter based: value number c of the stream is a SplitMix64 hash of
 * {@code seed + (c + 1)·0x9E3779B97F4A7C15}, so any range of values can be computed independently
 * and the output does not depend on how many threads fill a tensor. Each request reserves the
 * next block of counters, so two requests never share values. Thread safe.
 */
public final class Generator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private long counter;

    public Generator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Number of 64-bit values drawn so far; with the seed it fixes the generator's state. */
    public synchronized long position() {
        return counter;
    }

    /** Restores a state recorded with {@link #position()}. */
    public synchronized void setPosition(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("Generator: position must be >= 0, got " + position);
        }
        this.counter = position;
    }

    /** Reserves {@code count} counters and returns the first one. */
    synchronized long reserve(long count) {
        long first = counter;
        counter += count;
        return first;
    }

    /** The 64-bit value at a counter. */
    long bits(long index) {
        long z = seed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform double in [0, 1) with 53 random bits. */
    double uniformDouble(long index) {
        return (bits(index) >>> 11) * 0x1.0p-53;
    }

    /** Uniform float in [0, 1) with 24 random bits. */
    float uniformFloat(long index) {
        return (bits(index) >>> 40) * 0x1.0p-24f;
    }

    /** Draws one uniform double in [0, 1). */
    public double nextDouble() {
        return uniformDouble(reserve(1));
    }

    /** Draws one uniform int in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Generator.nextInt: bound must be > 0, got " + bound);
        }
        return (int) ((bits(reserve(1)) >>> 33) % bound);
    }

    /** Returns a uniform random permutation of 0..n−1 (Fisher–Yates), for shuffling datasets. */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long first = reserve(n);
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(bits(first + i), i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
