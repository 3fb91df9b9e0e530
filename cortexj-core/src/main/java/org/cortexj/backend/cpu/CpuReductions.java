package org.cortexj.backend.cpu;

import org.cortexj.backend.ReduceOp;
import org.cortexj.backend.cpu.reduce.RowReductions;

/**
 * Row reductions of the CPU backend. Rows are split into fixed blocks spread over the workers;
 * each row is reduced by one thread in an order that depends only on its length, so results
 * do not depend on the worker count.
 */
final class CpuReductions {

    /** Rows per task; a task must hold enough work to pay for a fork. */
    private static final int MIN_ELEMENTS_PER_TASK = 1 << 15;

    private final WorkerPool pool;

    CpuReductions(WorkerPool pool) {
        this.pool = pool;
    }

    void reduceRows(ReduceOp op, CpuBuffer input, int inputOffset, int rows, int rowLength,
                    CpuBuffer output, int outputOffset, int correction) {
        if (rows == 0) {
            reduceBlock(op, input, inputOffset, 0, rowLength, output, outputOffset, correction);
            return;
        }
        long elements = (long) rows * rowLength;
        int rowsPerTask = (int) Math.max(1, Math.min(rows, MIN_ELEMENTS_PER_TASK / Math.max(1, rowLength)));
        int tasks = (rows + rowsPerTask - 1) / rowsPerTask;
        if (tasks == 1 || elements < MIN_ELEMENTS_PER_TASK) {
            reduceBlock(op, input, inputOffset, rows, rowLength, output, outputOffset, correction);
            return;
        }
        pool.parallelFor(tasks, task -> {
            int first = task * rowsPerTask;
            int count = Math.min(rowsPerTask, rows - first);
            reduceBlock(op, input, inputOffset + first * rowLength, count, rowLength, output,
                    outputOffset + first, correction);
        });
    }

    private static void reduceBlock(ReduceOp op, CpuBuffer input, int inputOffset, int rows, int rowLength,
                                    CpuBuffer output, int outputOffset, int correction) {
        Object in = input.array();
        if (in instanceof float[] floats) {
            reduceFloats(op, floats, inputOffset, rows, rowLength, output, outputOffset, correction);
        } else if (in instanceof double[] doubles) {
            reduceDoubles(op, doubles, inputOffset, rows, rowLength, output, outputOffset, correction);
        } else {
            throw new IllegalArgumentException(op.name().toLowerCase(java.util.Locale.ROOT)
                    + ": needs float32 or float64 input, got int32");
        }
    }

    private static void reduceFloats(ReduceOp op, float[] in, int offset, int rows, int rowLength,
                                     CpuBuffer output, int outputOffset, int correction) {
        switch (op) {
            case SUM -> RowReductions.sum(in, offset, rows, rowLength, output.floats(), outputOffset);
            case MEAN -> RowReductions.mean(in, offset, rows, rowLength, output.floats(), outputOffset);
            case MAX -> RowReductions.max(in, offset, rows, rowLength, output.floats(), outputOffset);
            case MIN -> RowReductions.min(in, offset, rows, rowLength, output.floats(), outputOffset);
            case ARGMAX -> RowReductions.argmax(in, offset, rows, rowLength, output.ints(), outputOffset);
            case ARGMIN -> RowReductions.argmin(in, offset, rows, rowLength, output.ints(), outputOffset);
            case VARIANCE -> RowReductions.variance(in, offset, rows, rowLength, correction, output.floats(),
                    outputOffset);
        }
    }

    private static void reduceDoubles(ReduceOp op, double[] in, int offset, int rows, int rowLength,
                                      CpuBuffer output, int outputOffset, int correction) {
        switch (op) {
            case SUM -> RowReductions.sum(in, offset, rows, rowLength, output.doubles(), outputOffset);
            case MEAN -> RowReductions.mean(in, offset, rows, rowLength, output.doubles(), outputOffset);
            case MAX -> RowReductions.max(in, offset, rows, rowLength, output.doubles(), outputOffset);
            case MIN -> RowReductions.min(in, offset, rows, rowLength, output.doubles(), outputOffset);
            case ARGMAX -> RowReductions.argmax(in, offset, rows, rowLength, output.ints(), outputOffset);
            case ARGMIN -> RowReductions.argmin(in, offset, rows, rowLength, output.ints(), outputOffset);
            case VARIANCE -> RowReductions.variance(in, offset, rows, rowLength, correction, output.doubles(),
                    outputOffset);
        }
    }
}
