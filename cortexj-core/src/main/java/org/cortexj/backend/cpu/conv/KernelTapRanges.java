package org.cortexj.backend.cpu.conv;

import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;

/**
 * For each kernel tap {@code i} along one axis, the range {@code [start(i), end(i))} of output
 * positions {@code o} whose input position {@code o * stride - padding + i * dilation} lies inside
 * the input. Outside that range the tap reads padding. Computing the range once per tap keeps
 * bounds checks out of the inner loops of {@link Im2col} and {@link Col2im}.
 */
final class KernelTapRanges {

    private final int[] starts;
    private final int[] ends;

    private KernelTapRanges(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Returns the ranges for the rows of {@code geometry}. */
    static KernelTapRanges rows(ConvGeometry geometry) {
        Window2d window = geometry.window();
        return of(geometry.height(), window.kernelHeight(), window.strideHeight(),
                window.paddingHeight(), window.dilationHeight(), geometry.outputHeight());
    }

    /** Returns the ranges for the columns of {@code geometry}. */
    static KernelTapRanges columns(ConvGeometry geometry) {
        Window2d window = geometry.window();
        return of(geometry.width(), window.kernelWidth(), window.strideWidth(),
                window.paddingWidth(), window.dilationWidth(), geometry.outputWidth());
    }

    static KernelTapRanges of(int size, int kernel, int stride, int padding, int dilation,
            int outputSize) {
        int[] starts = new int[kernel];
        int[] ends = new int[kernel];
        for (int tap = 0; tap < kernel; tap++) {
            // Input position of this tap at output position 0, negative inside the left padding.
            long offset = (long) tap * dilation - padding;
            long first = offset >= 0 ? 0 : ceilDiv(-offset, stride);
            long last = Math.floorDiv(size - 1 - offset, (long) stride);
            int start = (int) Math.min(first, outputSize);
            int end = (int) Math.min(Math.max(last + 1, start), outputSize);
            starts[tap] = start;
            ends[tap] = end;
        }
        return new KernelTapRanges(starts, ends);
    }

    /** Returns the first output position at which {@code tap} reads an input cell. */
    int start(int tap) {
        return starts[tap];
    }

    /** Returns the bound one past the last output position at which {@code tap} reads an input cell. */
    int end(int tap) {
        return ends[tap];
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
