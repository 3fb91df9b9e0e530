package org.cortexj.backend.cpu.gemm;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Growable off-heap float32 memory that contains one matrix densely (leading dimension equal to its
 * column count) while OpenBLAS works on it. One instance belongs to one thread.
 */
final class FloatScratch {

    private FloatPointer memory;
    private FloatBuffer view;

    /** Returns memory for at least {@code elements} floats; earlier contents are not kept. */
    FloatPointer reserve(int elements) {
        if (memory == null || memory.capacity() < elements) {
            if (memory != null) {
                memory.close();
            }
            // Growing by half again keeps a slowly growing size from reallocating every call.
            long capacity = Math.max(elements, memory == null ? 0 : memory.capacity() * 3 / 2);
            memory = new FloatPointer(Math.min(capacity, Integer.MAX_VALUE));
            view = memory.asBuffer();
        }
        return memory;
    }

    /**
     * Copies the {@code rows x cols} matrix stored in {@code source} at {@code offset} with
     * leading dimension {@code ld} into this memory densely, and returns the memory.
     */
    FloatPointer load(float[] source, int offset, int ld, int rows, int cols) {
        FloatPointer target = reserve(rows * cols);
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
    void store(float[] target, int offset, int ld, int rows, int cols) {
        if (ld == cols) {
            view.get(0, target, offset, rows * cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            view.get(r * cols, target, offset + r * ld, cols);
        }
    }
}
