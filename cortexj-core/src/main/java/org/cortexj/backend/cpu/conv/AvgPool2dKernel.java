package org.cortexj.backend.cpu.conv;

import java.util.concurrent.ForkJoinPool;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;

/**
 * 2-D average pooling over NCHW planes, forward and backward. The divisor rule follows PyTorch's
 * CPU kernel ({@code cpu_avg_pool} in {@code aten/src/ATen/native/cpu/AvgPoolKernel.cpp}).
 *
 * <p>Each output is the sum of the window's input cells divided by a divisor:
 * <ul>
 *   <li>{@code countIncludePad = true}: the number of window cells inside the padded input
 *       {@code [-padding, size + padding)} on both axes. That is {@code kernelHeight * kernelWidth}
 *       except for a last window in ceil mode that reaches past the padded input.</li>
 *   <li>{@code countIncludePad = false}: the number of window cells inside the input.</li>
 * </ul>
 * The backward pass adds {@code dy / divisor} to every input cell of the window. Average pooling
 * has no dilation, so the geometry's dilation must be 1. Every window then has at least one input
 * cell, because {@link PoolGeometry} keeps padding at most half the kernel.
 *
 * <p>The overloads that take a {@link ForkJoinPool} split the work by (image, channel) plane and
 * give results bit-identical to the sequential ones.
 */
public final class AvgPool2dKernel {

    private static final String FORWARD = "avgpool2d forward";
    private static final String BACKWARD = "avgpool2d backward";

    private AvgPool2dKernel() {
    }

    /**
     * Computes the average of every window.
     *
     * @param x input {@code [batch, channels, height, width]}, length exactly {@link PoolGeometry#inputSize()}
     * @param geometry shapes of the pooling, with dilation 1
     * @param countIncludePad whether padding cells count in the divisor
     * @param y output {@code [batch, channels, outputHeight, outputWidth]}, overwritten, length
     *     exactly {@link PoolGeometry#outputSize()}
     * @throws IllegalArgumentException if the dilation is not 1 or an array length does not match
     */
    public static void forward(float[] x, PoolGeometry geometry, boolean countIncludePad, float[] y) {
        FloatForward task = new FloatForward(x, geometry, countIncludePad, y);
        PlaneTasks.runSequential(geometry.planeCount(), task::poolPlane);
    }

    /** Pools like {@link #forward(float[], PoolGeometry, boolean, float[])}, split across {@code pool}. */
    public static void forward(float[] x, PoolGeometry geometry, boolean countIncludePad, float[] y,
            ForkJoinPool pool) {
        FloatForward task = new FloatForward(x, geometry, countIncludePad, y);
        PlaneTasks.run(geometry.planeCount(), pool, task::poolPlane);
    }

    /** Pools like {@link #forward(float[], PoolGeometry, boolean, float[])}, in double precision. */
    public static void forward(double[] x, PoolGeometry geometry, boolean countIncludePad,
            double[] y) {
        DoubleForward task = new DoubleForward(x, geometry, countIncludePad, y);
        PlaneTasks.runSequential(geometry.planeCount(), task::poolPlane);
    }

    /** Pools like {@link #forward(double[], PoolGeometry, boolean, double[])}, split across {@code pool}. */
    public static void forward(double[] x, PoolGeometry geometry, boolean countIncludePad,
            double[] y, ForkJoinPool pool) {
        DoubleForward task = new DoubleForward(x, geometry, countIncludePad, y);
        PlaneTasks.run(geometry.planeCount(), pool, task::poolPlane);
    }

    /**
     * Adds {@code dy / divisor} into every input cell of each window. Overlapping windows add, in
     * row-major output order. {@code dx} is not cleared first.
     *
     * @param dy output gradient, length exactly {@link PoolGeometry#outputSize()}
     * @param geometry shapes of the pooling, with dilation 1
     * @param countIncludePad the setting used in the forward pass
     * @param dx input gradient accumulator, length exactly {@link PoolGeometry#inputSize()}
     * @throws IllegalArgumentException if the dilation is not 1 or an array length does not match
     */
    public static void backward(float[] dy, PoolGeometry geometry, boolean countIncludePad,
            float[] dx) {
        FloatBackward task = new FloatBackward(dy, geometry, countIncludePad, dx);
        PlaneTasks.runSequential(geometry.planeCount(), task::spreadPlane);
    }

    /** Spreads like {@link #backward(float[], PoolGeometry, boolean, float[])}, split across {@code pool}. */
    public static void backward(float[] dy, PoolGeometry geometry, boolean countIncludePad,
            float[] dx, ForkJoinPool pool) {
        FloatBackward task = new FloatBackward(dy, geometry, countIncludePad, dx);
        PlaneTasks.run(geometry.planeCount(), pool, task::spreadPlane);
    }

    /** Spreads like {@link #backward(float[], PoolGeometry, boolean, float[])}, in double precision. */
    public static void backward(double[] dy, PoolGeometry geometry, boolean countIncludePad,
            double[] dx) {
        DoubleBackward task = new DoubleBackward(dy, geometry, countIncludePad, dx);
        PlaneTasks.runSequential(geometry.planeCount(), task::spreadPlane);
    }

    /** Spreads like {@link #backward(double[], PoolGeometry, boolean, double[])}, split across {@code pool}. */
    public static void backward(double[] dy, PoolGeometry geometry, boolean countIncludePad,
            double[] dx, ForkJoinPool pool) {
        DoubleBackward task = new DoubleBackward(dy, geometry, countIncludePad, dx);
        PlaneTasks.run(geometry.planeCount(), pool, task::spreadPlane);
    }

    /** Geometry of one call with the divisor of every window, checked for average pooling. */
    private static class Plan {
        final PoolAxis rows;
        final PoolAxis columns;
        final int width;
        final int inputPlaneSize;
        final int outputHeight;
        final int outputWidth;
        final int outputPlaneSize;
        private final boolean countIncludePad;

        Plan(String op, PoolGeometry geometry, boolean countIncludePad, int inputLength,
                int outputLength) {
            Window2d window = geometry.window();
            if (window.dilationHeight() != 1 || window.dilationWidth() != 1) {
                throw new IllegalArgumentException(op + ": dilation must be 1, got dilationHeight "
                        + window.dilationHeight() + " and dilationWidth " + window.dilationWidth()
                        + "; average pooling has no dilation");
            }
            String input = op.equals(FORWARD) ? "x" : "dx";
            String output = op.equals(FORWARD) ? "y" : "dy";
            ArrayChecks.requireLength(op, input, inputLength, geometry.inputSize(), geometry);
            ArrayChecks.requireLength(op, output, outputLength, geometry.outputSize(), geometry);
            rows = PoolAxis.rows(geometry);
            columns = PoolAxis.columns(geometry);
            width = geometry.width();
            inputPlaneSize = geometry.inputPlaneSize();
            outputHeight = geometry.outputHeight();
            outputWidth = geometry.outputWidth();
            outputPlaneSize = geometry.outputPlaneSize();
            this.countIncludePad = countIncludePad;
        }

        /** Returns the divisor of the window at {@code (oh, ow)}, at least 1. */
        final int divisor(int oh, int ow) {
            if (countIncludePad) {
                return rows.paddedCount(oh) * columns.paddedCount(ow);
            }
            return rows.inputCount(oh) * columns.inputCount(ow);
        }
    }

    private static final class FloatForward extends Plan {
        private final float[] x;
        private final float[] y;

        FloatForward(float[] x, PoolGeometry geometry, boolean countIncludePad, float[] y) {
            super(FORWARD, geometry, countIncludePad, x.length, y.length);
            this.x = x;
            this.y = y;
        }

        void poolPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    float sum = 0f;
                    for (int ih = rowFirst; ih < rowEnd; ih++) {
                        int row = in + ih * width;
                        for (int iw = columnFirst; iw < columnEnd; iw++) {
                            sum += x[row + iw];
                        }
                    }
                    y[out + oh * outputWidth + ow] = sum / divisor(oh, ow);
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatForward}. Change both together. */
    private static final class DoubleForward extends Plan {
        private final double[] x;
        private final double[] y;

        DoubleForward(double[] x, PoolGeometry geometry, boolean countIncludePad, double[] y) {
            super(FORWARD, geometry, countIncludePad, x.length, y.length);
            this.x = x;
            this.y = y;
        }

        void poolPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    double sum = 0d;
                    for (int ih = rowFirst; ih < rowEnd; ih++) {
                        int row = in + ih * width;
                        for (int iw = columnFirst; iw < columnEnd; iw++) {
                            sum += x[row + iw];
                        }
                    }
                    y[out + oh * outputWidth + ow] = sum / divisor(oh, ow);
                }
            }
        }
    }

    private static final class FloatBackward extends Plan {
        private final float[] dy;
        private final float[] dx;

        FloatBackward(float[] dy, PoolGeometry geometry, boolean countIncludePad, float[] dx) {
            super(BACKWARD, geometry, countIncludePad, dx.length, dy.length);
            this.dy = dy;
            this.dx = dx;
        }

        void spreadPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    float share = dy[out + oh * outputWidth + ow] / divisor(oh, ow);
                    for (int ih = rowFirst; ih < rowEnd; ih++) {
                        int row = in + ih * width;
                        for (int iw = columnFirst; iw < columnEnd; iw++) {
                            dx[row + iw] += share;
                        }
                    }
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatBackward}. Change both together. */
    private static final class DoubleBackward extends Plan {
        private final double[] dy;
        private final double[] dx;

        DoubleBackward(double[] dy, PoolGeometry geometry, boolean countIncludePad, double[] dx) {
            super(BACKWARD, geometry, countIncludePad, dx.length, dy.length);
            this.dy = dy;
            this.dx = dx;
        }

        void spreadPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    double share = dy[out + oh * outputWidth + ow] / divisor(oh, ow);
                    for (int ih = rowFirst; ih < rowEnd; ih++) {
                        int row = in + ih * width;
                        for (int iw = columnFirst; iw < columnEnd; iw++) {
                            dx[row + iw] += share;
                        }
                    }
                }
            }
        }
    }
}
