package org.cortexj.backend;

/**
 * Kernel size, stride, zero padding and dilation of a 2-D sliding window, per axis (height, width).
 *
 * <p>A window at output position {@code o} along one axis covers the input positions
 * {@code o * stride - padding + i * dilation} for {@code i = 0 .. kernel - 1}. Positions below 0
 * or at or past the input size are padding. The window alone does not know the input size, so
 * {@link ConvGeometry} and {@link PoolGeometry} check it against an input.
 *
 * @param kernelHeight number of kernel rows, at least 1
 * @param kernelWidth number of kernel columns, at least 1
 * @param strideHeight step between output rows, in input rows, at least 1
 * @param strideWidth step between output columns, in input columns, at least 1
 * @param paddingHeight rows of padding added above and below the input, at least 0
 * @param paddingWidth columns of padding added left and right of the input, at least 0
 * @param dilationHeight distance between kernel rows, in input rows, at least 1 (1 = dense)
 * @param dilationWidth distance between kernel columns, in input columns, at least 1
 */
public record Window2d(
        int kernelHeight,
        int kernelWidth,
        int strideHeight,
        int strideWidth,
        int paddingHeight,
        int paddingWidth,
        int dilationHeight,
        int dilationWidth) {

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException if a kernel size, stride or dilation is below 1 or a
     *     padding is below 0
     */
    public Window2d {
        requireAtLeast("kernelHeight", kernelHeight, 1);
        requireAtLeast("kernelWidth", kernelWidth, 1);
        requireAtLeast("strideHeight", strideHeight, 1);
        requireAtLeast("strideWidth", strideWidth, 1);
        requireAtLeast("paddingHeight", paddingHeight, 0);
        requireAtLeast("paddingWidth", paddingWidth, 0);
        requireAtLeast("dilationHeight", dilationHeight, 1);
        requireAtLeast("dilationWidth", dilationWidth, 1);
    }

    /** Returns a square window with the same kernel size, stride, padding and dilation on both axes. */
    public static Window2d square(int kernel, int stride, int padding, int dilation) {
        return new Window2d(kernel, kernel, stride, stride, padding, padding, dilation, dilation);
    }

    /** Returns a square window with stride 1, no padding and dilation 1. */
    public static Window2d square(int kernel) {
        return square(kernel, 1, 0, 1);
    }

    /** Number of input rows from the first to the last kernel row: {@code dilation * (kernel - 1) + 1}. */
    public int kernelExtentHeight() {
        return dilationHeight * (kernelHeight - 1) + 1;
    }

    /** Number of input columns from the first to the last kernel column. */
    public int kernelExtentWidth() {
        return dilationWidth * (kernelWidth - 1) + 1;
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    "Window2d: " + name + " must be at least " + minimum + ", got " + value);
        }
    }
}
