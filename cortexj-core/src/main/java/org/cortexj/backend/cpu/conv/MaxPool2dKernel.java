package org.cortexj.backend.cpu.conv;

import java.util.concurrent.ForkJoinPool;
import org.cortexj.backend.PoolGeometry;

/**
 * 2-D max pooling over NCHW planes, forward with argmax indices and backward by scattering the
 * output gradient to those indices. The rules follow PyTorch's CPU kernel ({@code cpu_max_pool} in
 * {@code aten/src/ATen/native/cpu/MaxPoolKernel.cpp}):
 * <ul>
 *   <li>Padding acts as negative infinity, so a padded cell never wins. A window that has no
 *       input cell, which needs a dilation above 1, outputs negative infinity with index
 *       {@value #NO_INDEX}.</li>
 *   <li>The window is scanned in row-major order and the current maximum is replaced only by a
 *       strictly greater value, so a tie goes to the first maximum.</li>
 *   <li>NaN propagates: a NaN replaces the current maximum, whatever it is. A later NaN in the
 *       same window replaces an earlier one, so with several NaNs the last one in row-major
 *       order wins, as in PyTorch.</li>
 *   <li>An index is the flat position {@code h * width + w} of the winner inside its
 *       (image, channel) input plane.</li>
 * </ul>
 * A window that is all negative infinity returns its first input cell.
 *
 * <p>The overloads that take a {@link ForkJoinPool} split the work by (image, channel) plane and
 * give results bit-identical to the sequential ones.
 */
public final class MaxPool2dKernel {

    /** Index stored for a window that contains no input cell. */
    public static final int NO_INDEX = -1;

    private static final String FORWARD = "maxpool2d forward";
    private static final String BACKWARD = "maxpool2d backward";

    private MaxPool2dKernel() {
    }

    /**
     * Computes the maximum of every window and the index of the winning input cell.
     *
     * @param x input {@code [batch, channels, height, width]}, length exactly {@link PoolGeometry#inputSize()}
     * @param geometry shapes of the pooling
     * @param y output {@code [batch, channels, outputHeight, outputWidth]}, overwritten, length
     *     exactly {@link PoolGeometry#outputSize()}
     * @param indices output of the same shape as {@code y}, overwritten, with plane-local indices
     * @throws IllegalArgumentException if an array length does not match {@code geometry}
     */
    public static void forward(float[] x, PoolGeometry geometry, float[] y, int[] indices) {
        FloatForward task = new FloatForward(x, geometry, y, indices);
        PlaneTasks.runSequential(geometry.planeCount(), task::poolPlane);
    }

    /** Pools like {@link #forward(float[], PoolGeometry, float[], int[])}, split across {@code pool}. */
    public static void forward(float[] x, PoolGeometry geometry, float[] y, int[] indices,
            ForkJoinPool pool) {
        FloatForward task = new FloatForward(x, geometry, y, indices);
        PlaneTasks.run(geometry.planeCount(), pool, task::poolPlane);
    }

    /** Pools like {@link #forward(float[], PoolGeometry, float[], int[])}, in double precision. */
    public static void forward(double[] x, PoolGeometry geometry, double[] y, int[] indices) {
        DoubleForward task = new DoubleForward(x, geometry, y, indices);
        PlaneTasks.runSequential(geometry.planeCount(), task::poolPlane);
    }

    /** Pools like {@link #forward(double[], PoolGeometry, double[], int[])}, split across {@code pool}. */
    public static void forward(double[] x, PoolGeometry geometry, double[] y, int[] indices,
            ForkJoinPool pool) {
        DoubleForward task = new DoubleForward(x, geometry, y, indices);
        PlaneTasks.run(geometry.planeCount(), pool, task::poolPlane);
    }

    /**
     * Adds {@code dy} into {@code dx} at the indices from the forward pass. Overlapping windows
     * that picked the same cell add their gradients, in row-major output order. Entries equal to
     * {@link #NO_INDEX} are skipped. {@code dx} is not cleared first.
     *
     * @param dy output gradient, length exactly {@link PoolGeometry#outputSize()}
     * @param indices indices from {@link #forward}, same length as {@code dy}
     * @param geometry shapes of the pooling
     * @param dx input gradient accumulator, length exactly {@link PoolGeometry#inputSize()}
     * @throws IllegalArgumentException if an array length does not match {@code geometry} or an
     *     index lies outside its input plane
     */
    public static void backward(float[] dy, int[] indices, PoolGeometry geometry, float[] dx) {
        FloatBackward task = new FloatBackward(dy, indices, geometry, dx);
        PlaneTasks.runSequential(geometry.planeCount(), task::scatterPlane);
    }

    /** Scatters like {@link #backward(float[], int[], PoolGeometry, float[])}, split across {@code pool}. */
    public static void backward(float[] dy, int[] indices, PoolGeometry geometry, float[] dx,
            ForkJoinPool pool) {
        FloatBackward task = new FloatBackward(dy, indices, geometry, dx);
        PlaneTasks.run(geometry.planeCount(), pool, task::scatterPlane);
    }

    /** Scatters like {@link #backward(float[], int[], PoolGeometry, float[])}, in double precision. */
    public static void backward(double[] dy, int[] indices, PoolGeometry geometry, double[] dx) {
        DoubleBackward task = new DoubleBackward(dy, indices, geometry, dx);
        PlaneTasks.runSequential(geometry.planeCount(), task::scatterPlane);
    }

    /** Scatters like {@link #backward(double[], int[], PoolGeometry, double[])}, split across {@code pool}. */
    public static void backward(double[] dy, int[] indices, PoolGeometry geometry, double[] dx,
            ForkJoinPool pool) {
        DoubleBackward task = new DoubleBackward(dy, indices, geometry, dx);
        PlaneTasks.run(geometry.planeCount(), pool, task::scatterPlane);
    }

    private static void checkLengths(String op, int inputLength, int outputLength,
            int indicesLength, PoolGeometry geometry) {
        String input = op.equals(FORWARD) ? "x" : "dx";
        String output = op.equals(FORWARD) ? "y" : "dy";
        ArrayChecks.requireLength(op, input, inputLength, geometry.inputSize(), geometry);
        ArrayChecks.requireLength(op, output, outputLength, geometry.outputSize(), geometry);
        ArrayChecks.requireLength(op, "indices", indicesLength, geometry.outputSize(), geometry);
    }

    /** Geometry of one call, unpacked for the per-plane loops. */
    private static class Plan {
        final PoolAxis rows;
        final PoolAxis columns;
        final int width;
        final int inputPlaneSize;
        final int outputHeight;
        final int outputWidth;
        final int outputPlaneSize;
        final int dilationHeight;
        final int dilationWidth;
        /** Whether every window is 2x2 at stride 2 and inside the input: the unrolled loop applies. */
        final boolean pairWindows;

        Plan(PoolGeometry geometry) {
            rows = PoolAxis.rows(geometry);
            columns = PoolAxis.columns(geometry);
            width = geometry.width();
            inputPlaneSize = geometry.inputPlaneSize();
            outputHeight = geometry.outputHeight();
            outputWidth = geometry.outputWidth();
            outputPlaneSize = geometry.outputPlaneSize();
            dilationHeight = geometry.window().dilationHeight();
            dilationWidth = geometry.window().dilationWidth();
            pairWindows = isPairWindows(geometry);
        }

        private static boolean isPairWindows(PoolGeometry geometry) {
            var window = geometry.window();
            return window.kernelHeight() == 2 && window.kernelWidth() == 2
                    && window.strideHeight() == 2 && window.strideWidth() == 2
                    && window.paddingHeight() == 0 && window.paddingWidth() == 0
                    && window.dilationHeight() == 1 && window.dilationWidth() == 1
                    && 2 * geometry.outputHeight() <= geometry.height()
                    && 2 * geometry.outputWidth() <= geometry.width();
        }

        /** Checks an index from the forward pass; {@code outputIndex} is only for the message. */
        final int checkedIndex(int index, int plane, int outputIndex) {
            if (index < NO_INDEX || index >= inputPlaneSize) {
                throw new IllegalArgumentException(BACKWARD + ": indices[" + outputIndex + "] = "
                        + index + " in plane " + plane + " is outside the input plane of "
                        + inputPlaneSize + " cells; pass the indices returned by forward");
            }
            return index;
        }
    }

    private static final class FloatForward extends Plan {
        private final float[] x;
        private final float[] y;
        private final int[] indices;

        FloatForward(float[] x, PoolGeometry geometry, float[] y, int[] indices) {
            super(geometry);
            checkLengths(FORWARD, x.length, y.length, indices.length, geometry);
            this.x = x;
            this.y = y;
            this.indices = indices;
        }

        void poolPlane(int plane) {
            if (pairWindows) {
                poolPairPlane(plane);
                return;
            }
            int in = plane * inputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                int out = plane * outputPlaneSize + oh * outputWidth;
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    if (rowFirst >= rowEnd || columnFirst >= columnEnd) {
                        y[out + ow] = Float.NEGATIVE_INFINITY;
                        indices[out + ow] = NO_INDEX;
                        continue;
                    }
                    float best = Float.NEGATIVE_INFINITY;
                    int bestIndex = rowFirst * width + columnFirst;
                    for (int ih = rowFirst; ih < rowEnd; ih += dilationHeight) {
                        for (int iw = columnFirst; iw < columnEnd; iw += dilationWidth) {
                            float value = x[in + ih * width + iw];
                            if (value > best || Float.isNaN(value)) {
                                best = value;
                                bestIndex = ih * width + iw;
                            }
                        }
                    }
                    y[out + ow] = best;
                    indices[out + ow] = bestIndex;
                }
            }
        }

        /**
         * Pools 2x2 windows at stride 2 with the four cells unrolled. Same order and rules as the
         * general loop: the first maximum wins a tie and any NaN replaces the current maximum.
         */
        private void poolPairPlane(int plane) {
            int in = plane * inputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int top = 2 * oh * width;
                int out = plane * outputPlaneSize + oh * outputWidth;
                for (int ow = 0; ow < outputWidth; ow++) {
                    int cell = top + 2 * ow;
                    float best = x[in + cell];
                    int bestIndex = cell;
                    float right = x[in + cell + 1];
                    if (right > best || right != right) {
                        best = right;
                        bestIndex = cell + 1;
                    }
                    float below = x[in + cell + width];
                    if (below > best || below != below) {
                        best = below;
                        bestIndex = cell + width;
                    }
                    float diagonal = x[in + cell + width + 1];
                    if (diagonal > best || diagonal != diagonal) {
                        best = diagonal;
                        bestIndex = cell + width + 1;
                    }
                    y[out + ow] = best;
                    indices[out + ow] = bestIndex;
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatForward}. Change both together. */
    private static final class DoubleForward extends Plan {
        private final double[] x;
        private final double[] y;
        private final int[] indices;

        DoubleForward(double[] x, PoolGeometry geometry, double[] y, int[] indices) {
            super(geometry);
            checkLengths(FORWARD, x.length, y.length, indices.length, geometry);
            this.x = x;
            this.y = y;
            this.indices = indices;
        }

        void poolPlane(int plane) {
            if (pairWindows) {
                poolPairPlane(plane);
                return;
            }
            int in = plane * inputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int rowFirst = rows.first(oh);
                int rowEnd = rows.end(oh);
                int out = plane * outputPlaneSize + oh * outputWidth;
                for (int ow = 0; ow < outputWidth; ow++) {
                    int columnFirst = columns.first(ow);
                    int columnEnd = columns.end(ow);
                    if (rowFirst >= rowEnd || columnFirst >= columnEnd) {
                        y[out + ow] = Double.NEGATIVE_INFINITY;
                        indices[out + ow] = NO_INDEX;
                        continue;
                    }
                    double best = Double.NEGATIVE_INFINITY;
                    int bestIndex = rowFirst * width + columnFirst;
                    for (int ih = rowFirst; ih < rowEnd; ih += dilationHeight) {
                        for (int iw = columnFirst; iw < columnEnd; iw += dilationWidth) {
                            double value = x[in + ih * width + iw];
                            if (value > best || Double.isNaN(value)) {
                                best = value;
                                bestIndex = ih * width + iw;
                            }
                        }
                    }
                    y[out + ow] = best;
                    indices[out + ow] = bestIndex;
                }
            }
        }

        /**
         * Pools 2x2 windows at stride 2 with the four cells unrolled. Same order and rules as the
         * general loop: the first maximum wins a tie and any NaN replaces the current maximum.
         */
        private void poolPairPlane(int plane) {
            int in = plane * inputPlaneSize;
            for (int oh = 0; oh < outputHeight; oh++) {
                int top = 2 * oh * width;
                int out = plane * outputPlaneSize + oh * outputWidth;
                for (int ow = 0; ow < outputWidth; ow++) {
                    int cell = top + 2 * ow;
                    double best = x[in + cell];
                    int bestIndex = cell;
                    double right = x[in + cell + 1];
                    if (right > best || right != right) {
                        best = right;
                        bestIndex = cell + 1;
                    }
                    double below = x[in + cell + width];
                    if (below > best || below != below) {
                        best = below;
                        bestIndex = cell + width;
                    }
                    double diagonal = x[in + cell + width + 1];
                    if (diagonal > best || diagonal != diagonal) {
                        best = diagonal;
                        bestIndex = cell + width + 1;
                    }
                    y[out + ow] = best;
                    indices[out + ow] = bestIndex;
                }
            }
        }
    }

    private static final class FloatBackward extends Plan {
        private final float[] dy;
        private final int[] indices;
        private final float[] dx;

        FloatBackward(float[] dy, int[] indices, PoolGeometry geometry, float[] dx) {
            super(geometry);
            checkLengths(BACKWARD, dx.length, dy.length, indices.length, geometry);
            this.dy = dy;
            this.indices = indices;
            this.dx = dx;
        }

        void scatterPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int o = out; o < out + outputPlaneSize; o++) {
                int index = checkedIndex(indices[o], plane, o);
                if (index != NO_INDEX) {
                    dx[in + index] += dy[o];
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatBackward}. Change both together. */
    private static final class DoubleBackward extends Plan {
        private final double[] dy;
        private final int[] indices;
        private final double[] dx;

        DoubleBackward(double[] dy, int[] indices, PoolGeometry geometry, double[] dx) {
            super(geometry);
            checkLengths(BACKWARD, dx.length, dy.length, indices.length, geometry);
            this.dy = dy;
            this.indices = indices;
            this.dx = dx;
        }

        void scatterPlane(int plane) {
            int in = plane * inputPlaneSize;
            int out = plane * outputPlaneSize;
            for (int o = out; o < out + outputPlaneSize; o++) {
                int index = checkedIndex(indices[o], plane, o);
                if (index != NO_INDEX) {
                    dx[in + index] += dy[o];
                }
            }
        }
    }
}
