package org.cortexj.backend.cpu.gemm;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Growable off-heap float64 memory that contains one matrix densely (leading dimension equal to its
 * column count) while OpenBLAS works on it. One instance belongs to one thread.
 */
final class DoubleScratch {

    private DoublePointer memory;
    private DoubleBuffer view;

    /** Returns memory for at least {@code elements} doubles; earlier contents are not kept. */
    DoublePointer reserve(int elements) {
        if (memory == null || memory.capacity() < elements) {
            if (memory != null) {
                memory.close();
            }
            // Growing by half again keeps a slowly growing size from reallocating every call.
            long capacity = Math.max(elements, memory == null ? 0 : memory.capacity() * 3 / 2);
            memory = new DoublePointer(Math.min(capacity, Integer.MAX_VALUE));
            view = memory.asBuffer();
        }
        return memory;
    }

    /**
     * Copies the {@code rows x cols} matrix stored in {@code source} at {@code offset} with
     * leading dimension {@code ld} into this memory densely, and returns the memory.
     */
    DoublePointer load(double[] source, int offset, int ld, int rows, int cols) {
        DoublePointer target = reserve(rows * cols);
        if (ld == cols) {
            view.put(0, source, offset, rows * cols);
            return target;
        }
        for (int r = 0; r < rows; r++) {
            view.put(r * cols, source, offset + r * ld, cols);
        }
        return target;
    }

    /**
     * Copies the dense {@code rows x cols} matrix held in this memory to {@code target} at
     * {@code offset} with leading dimension {@code ld}, leaving the elements between rows alone.
     */
    void store(double[] target, int offset, int ld, int rows, int cols) {
        if (ld == cols) {
            view.get(0, target, offset, rows * cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            view.get(r * cols, target, offset + r * ld, cols);
        }
    }
}
