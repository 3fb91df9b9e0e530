package org.cortexj.backend;

/**
 * Output-size arithmetic and checks shared by {@link ConvGeometry} and {@link PoolGeometry}.
 *
 * <p>All arithmetic runs in {@code long}, so extreme settings produce an error message, not an
 * overflowed size.
 */
final class WindowRules {

    /** One spatial axis with the words its messages use. */
    enum Axis {
        HEIGHT("Height", "height", "rows"),
        WIDTH("Width", "width", "columns");

        private final String suffix;
        private final String noun;
        private final String cells;

        Axis(String suffix, String noun, String cells) {
            this.suffix = suffix;
            this.noun = noun;
            this.cells = cells;
        }
    }

    private WindowRules() {
    }

    /** Returns the number of window positions along {@code axis} for an input of {@code size} cells. */
    static int outputSize(String op, Axis axis, int size, Window2d window, boolean ceilMode) {
        if (axis == Axis.HEIGHT) {
            return outputSize(op, axis, size, window.kernelHeight(), window.strideHeight(),
                    window.paddingHeight(), window.dilationHeight(), ceilMode);
        }
        return outputSize(op, axis, size, window.kernelWidth(), window.strideWidth(),
                window.paddingWidth(), window.dilationWidth(), ceilMode);
    }

    /**
     * Returns the number of window positions along one axis: {@code floor((size + 2p - d(k-1) - 1) / s) + 1},
     * or with {@code ceilMode} the same quotient rounded up, minus the last window when it would
     * start at or past {@code size + p} (inside the right padding or beyond it). PyTorch's pooling
     * uses the same rule, so that every window starts inside the input or the left padding.
     *
     * @throws IllegalArgumentException if the dilated kernel spans more cells than the padded input
     */
    static int outputSize(String op, Axis axis, int size, int kernel, int stride, int padding,
            int dilation, boolean ceilMode) {
        long padded = size + 2L * padding;
        long extent = (long) dilation * (kernel - 1) + 1;
        if (extent > padded) {
            throw new IllegalArgumentException(kernelTooLargeMessage(op, axis, size, kernel, padding,
                    dilation, extent, padded));
        }

        long span = padded - extent;
        long count = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (count - 1) * stride >= (long) size + padding) {
            count--;
        }
        return (int) count;
    }

    /**
     * Checks that padding is at most half the kernel size (rounded down), which keeps every window
     * overlapping the input when the dilation is 1. Recent PyTorch ({@code pool2d_shape_check} in
     * {@code aten/src/ATen/native/Pool.h}) compares with half the dilated kernel extent instead,
     * so it allows more padding when the dilation is above 1.
     */
    static void requirePoolPadding(Axis axis, int kernel, int padding) {
        if (padding > kernel / 2) {
            throw new IllegalArgumentException("pool2d: padding" + axis.suffix + " " + padding
                    + " is more than half of kernel" + axis.suffix + " " + kernel
                    + "; use padding of at most " + (kernel / 2) + " or a larger kernel");
        }
    }

    /** Checks that a count of elements fits in a Java array. */
    static void requireArraySize(String op, String buffer, long size) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + buffer + " would have " + size
                    + " elements, more than a Java array can hold (" + Integer.MAX_VALUE
                    + "); use a smaller batch");
        }
    }

    /** Checks that an input dimension is at least {@code minimum}. */
    static void requireDimension(String op, String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    op + ": " + name + " must be at least " + minimum + ", got " + value);
        }
    }

    private static String kernelTooLargeMessage(String op, Axis axis, int size, int kernel,
            int padding, int dilation, long extent, long padded) {
        String kernelText = "kernel" + axis.suffix + " " + kernel;
        if (dilation != 1) {
            kernelText += " with dilation" + axis.suffix + " " + dilation + " spans " + extent
                    + " input " + axis.cells + ", which";
        }
        String fix = dilation != 1 ? "a smaller kernel or dilation" : "a smaller kernel";
        return op + ": " + kernelText + " is larger than the padded input " + axis.noun + " "
                + padded + " (" + axis.noun + " " + size + " + 2 * padding" + axis.suffix + " "
                + padding + "); use " + fix + " or more padding";
    }
}
