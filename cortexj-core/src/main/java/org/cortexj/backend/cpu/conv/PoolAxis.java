package org.cortexj.backend.cpu.conv;

import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;

/**
 * Window bounds along one axis of a {@link PoolGeometry}, for every output position {@code o}.
 *
 * <p>The window at {@code o} starts at {@code start = o * stride - padding} and covers
 * {@code start + i * dilation} for {@code i < kernel}. Its input cells are
 * {@code first(o), first(o) + dilation, ...} below {@code end(o)}, and the window has no input
 * cell when {@code first(o) >= end(o)}, which only a dilation above 1 can cause.
 */
final class PoolAxis {

    private final int[] firsts;
    private final int[] ends;
    private final int[] paddedCounts;

    private PoolAxis(int[] firsts, int[] ends, int[] paddedCounts) {
        this.firsts = firsts;
        this.ends = ends;
        this.paddedCounts = paddedCounts;
    }

    /** Returns the bounds for the rows of {@code geometry}. */
    static PoolAxis rows(PoolGeometry geometry) {
        Window2d window = geometry.window();
        return of(geometry.height(), window.kernelHeight(), window.strideHeight(),
                window.paddingHeight(), window.dilationHeight(), geometry.outputHeight());
    }

    /** Returns the bounds for the columns of {@code geometry}. */
    static PoolAxis columns(PoolGeometry geometry) {
        Window2d window = geometry.window();
        return of(geometry.width(), window.kernelWidth(), window.strideWidth(),
                window.paddingWidth(), window.dilationWidth(), geometry.outputWidth());
    }

    static PoolAxis of(int size, int kernel, int stride, int padding, int dilation, int outputSize) {
        int[] firsts = new int[outputSize];
        int[] ends = new int[outputSize];
        int[] paddedCounts = new int[outputSize];
        for (int o = 0; o < outputSize; o++) {
            long start = (long) o * stride - padding;
            long first = start >= 0 ? start : start + ceilDiv(-start, dilation) * dilation;
            long end = Math.min(start + (long) dilation * (kernel - 1) + 1, size);
            // In ceil mode the last window may reach past size + padding, and those cells do not count.
            long padded = Math.min(kernel, ceilDiv(size + (long) padding - start, dilation));
            firsts[o] = (int) first;
            ends[o] = (int) end;
            paddedCounts[o] = (int) padded;
        }
        return new PoolAxis(firsts, ends, paddedCounts);
    }

    /** First input cell of the window at {@code o}. */
    int first(int o) {
        return firsts[o];
    }

    /** Bound past the last input cell of the window at {@code o}. */
    int end(int o) {
        return ends[o];
    }

    /** Number of window cells inside the input, for dilation 1. */
    int inputCount(int o) {
        return Math.max(0, ends[o] - firsts[o]);
    }

    /** Number of window cells inside the padded input {@code [-padding, size + padding)}. */
    int paddedCount(int o) {
        return paddedCounts[o];
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
