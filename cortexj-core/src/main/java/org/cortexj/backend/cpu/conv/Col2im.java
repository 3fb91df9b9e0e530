package org.cortexj.backend.cpu.conv;

import java.util.concurrent.ForkJoinPool;
import org.cortexj.backend.ConvGeometry;

/**
 * Folds a column matrix back into NCHW images (col2im), the adjoint of {@link Im2col}: each
 * column element is added to the input cell it was copied from, and elements that came from
 * padding are dropped. With {@code dcol = Wᵀ · dY} this gives the input gradient of a
 * convolution. The column layout {@code [K, N * P]} is described in {@link Im2col}.
 *
 * <p>Contributions are added to {@code dx}, which is not cleared first, so pass zeros for a plain
 * gradient. Each {@code dx} element receives its contributions in the order of kernel taps
 * {@code (i, j)}, row-major. The overloads that take a {@link ForkJoinPool} split the work by
 * (image, channel) plane, and each plane is summed by one task in that same order, so results
 * are bit-identical to the sequential overloads for any thread count.
 */
public final class Col2im {

    private static final String OP = "col2im";

    private Col2im() {
    }

    /**
     * Adds the column matrix {@code col} into {@code dx}, on the calling thread.
     *
     * @param col column matrix {@code [K, N * P]}, length at least {@link ConvGeometry#columnSize()}
     * @param geometry shapes of the convolution
     * @param dx input-shaped accumulator {@code [batch, channels, height, width]}, length exactly
     *     {@link ConvGeometry#inputSize()}
     * @throws IllegalArgumentException if an array length does not match {@code geometry}
     */
    public static void col2im(float[] col, ConvGeometry geometry, float[] dx) {
        FloatFold fold = new FloatFold(col, geometry, dx);
        PlaneTasks.runSequential(planeCount(geometry), fold::foldPlane);
    }

    /** Adds {@code col} into {@code dx} like {@link #col2im(float[], ConvGeometry, float[])}, split across {@code pool}. */
    public static void col2im(float[] col, ConvGeometry geometry, float[] dx, ForkJoinPool pool) {
        FloatFold fold = new FloatFold(col, geometry, dx);
        PlaneTasks.run(planeCount(geometry), pool, fold::foldPlane);
    }

    /** Adds {@code col} into {@code dx} like {@link #col2im(float[], ConvGeometry, float[])}, in double precision. */
    public static void col2im(double[] col, ConvGeometry geometry, double[] dx) {
        DoubleFold fold = new DoubleFold(col, geometry, dx);
        PlaneTasks.runSequential(planeCount(geometry), fold::foldPlane);
    }

    /** Adds {@code col} into {@code dx} like {@link #col2im(double[], ConvGeometry, double[])}, split across {@code pool}. */
    public static void col2im(double[] col, ConvGeometry geometry, double[] dx, ForkJoinPool pool) {
        DoubleFold fold = new DoubleFold(col, geometry, dx);
        PlaneTasks.run(planeCount(geometry), pool, fold::foldPlane);
    }

    private static int planeCount(ConvGeometry geometry) {
        return geometry.batch() * geometry.channels();
    }

    private static void checkLengths(int colLength, int dxLength, ConvGeometry geometry) {
        ArrayChecks.requireMinimumLength(OP, "col", colLength, geometry.columnSize(), geometry);
        ArrayChecks.requireLength(OP, "dx", dxLength, geometry.inputSize(), geometry);
    }

    /** Adds the {@code kernelHeight * kernelWidth} column rows of one (image, channel) plane into it. */
    private static final class FloatFold extends ColumnPlan {
        private final float[] col;
        private final float[] dx;

        FloatFold(float[] col, ConvGeometry geometry, float[] dx) {
            super(geometry);
            checkLengths(col.length, dx.length, geometry);
            this.col = col;
            this.dx = dx;
        }

        void foldPlane(int plane) {
            int image = plane / channels;
            int channel = plane % channels;
            for (int i = 0; i < kernelHeight; i++) {
                for (int j = 0; j < kernelWidth; j++) {
                    foldTap(plane * inputPlaneSize, rowStart(channel, i, j, image), i, j);
                }
            }
        }

        private void foldTap(int dxPlane, int src, int i, int j) {
            int rowStart = rows.start(i);
            int rowEnd = rows.end(i);
            int colStart = columns.start(j);
            int colEnd = columns.end(j);
            if (isWholeRowCopy(colStart, colEnd)) {
                int dst = dxPlane + inputRow(rowStart, i) * width;
                int from = src + rowStart * outputWidth;
                int count = (rowEnd - rowStart) * width;
                for (int k = 0; k < count; k++) {
                    dx[dst + k] += col[from + k];
                }
                return;
            }
            for (int oh = rowStart; oh < rowEnd; oh++) {
                int from = src + oh * outputWidth;
                int dst = dxPlane + inputRow(oh, i) * width + inputColumnOffset(j);
                if (strideWidth == 1) {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        dx[dst + ow] += col[from + ow];
                    }
                } else {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        dx[dst + ow * strideWidth] += col[from + ow];
                    }
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatFold}. Change both together. */
    private static final class DoubleFold extends ColumnPlan {
        private final double[] col;
        private final double[] dx;

        DoubleFold(double[] col, ConvGeometry geometry, double[] dx) {
            super(geometry);
            checkLengths(col.length, dx.length, geometry);
            this.col = col;
            this.dx = dx;
        }

        void foldPlane(int plane) {
            int image = plane / channels;
            int channel = plane % channels;
            for (int i = 0; i < kernelHeight; i++) {
                for (int j = 0; j < kernelWidth; j++) {
                    foldTap(plane * inputPlaneSize, rowStart(channel, i, j, image), i, j);
                }
            }
        }

        private void foldTap(int dxPlane, int src, int i, int j) {
            int rowStart = rows.start(i);
            int rowEnd = rows.end(i);
            int colStart = columns.start(j);
            int colEnd = columns.end(j);
            if (isWholeRowCopy(colStart, colEnd)) {
                int dst = dxPlane + inputRow(rowStart, i) * width;
                int from = src + rowStart * outputWidth;
                int count = (rowEnd - rowStart) * width;
                for (int k = 0; k < count; k++) {
                    dx[dst + k] += col[from + k];
                }
                return;
            }
            for (int oh = rowStart; oh < rowEnd; oh++) {
                int from = src + oh * outputWidth;
                int dst = dxPlane + inputRow(oh, i) * width + inputColumnOffset(j);
                if (strideWidth == 1) {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        dx[dst + ow] += col[from + ow];
                    }
                } else {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        dx[dst + ow * strideWidth] += col[from + ow];
                    }
                }
            }
        }
    }
}
