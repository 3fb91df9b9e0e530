package org.cortexj.backend.cpu.conv;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.cortexj.backend.ConvGeometry;

/**
 * Unfolds a batch of NCHW images into the column matrix of a 2-D convolution (im2col), so that
 * the convolution of the whole batch becomes one matrix product.
 *
 * <h2>Column layout</h2>
 * The column matrix is row-major with shape {@code [K, N * P]}, where
 * {@code K = channels * kernelHeight * kernelWidth} ({@link ConvGeometry#columnRows()}) and
 * {@code P = outputHeight * outputWidth}. Row {@code r = (c * kernelHeight + i) * kernelWidth + j}
 * is kernel tap {@code (c, i, j)}, which is also column {@code r} of the weight seen as a
 * {@code [outChannels, K]} matrix. Column {@code n * P + oh * outputWidth + ow} is output position
 * {@code (oh, ow)} of image {@code n}. The element is
 * {@code x[n, c, oh * strideHeight - paddingHeight + i * dilationHeight, ow * strideWidth - paddingWidth + j * dilationWidth]},
 * or 0 where that position is padding.
 *
 * <p>The batch shares the column dimension so that each pass is one large GEMM, which keeps the
 * GEMM efficient for small feature maps where a per-image product would be narrow:
 * <ul>
 *   <li>forward: {@code Y = W · col}, with {@code W} as {@code [outChannels, K]} and
 *       {@code Y} as {@code [outChannels, N * P]}. {@link ConvOutputs#rowsToNchw} reorders
 *       {@code Y} to NCHW and adds the bias.</li>
 *   <li>weight gradient: {@code dW += dY · colᵀ}, where {@code dY} is the output gradient
 *       reordered by {@link ConvOutputs#nchwToRows}. The sum over the batch happens inside the GEMM.</li>
 *   <li>input gradient: {@code dcol = Wᵀ · dY}, then {@link Col2im} folds {@code dcol} into
 *       {@code dx}.</li>
 * </ul>
 * The two reorders copy contiguous runs of {@code P} elements, so they cost
 * {@code O(N * outChannels * P)}, small next to the GEMM's {@code O(N * outChannels * P * K)}.
 * For a batch of one image the layout is the per-image {@code [K, P]} matrix, and {@code Y} is
 * already NCHW. To bound memory, a caller can unfold a large batch in slices of images, with one
 * geometry per slice. The kernels take no array offsets, so each slice of {@code x} and
 * {@code dx} needs its own array.
 *
 * <p>Every element of {@code col} in {@code [0, columnSize())} is overwritten. The overloads that
 * take a {@link ForkJoinPool} split the work by (image, channel) and give results identical to
 * the sequential ones, because im2col only copies values.
 */
public final class Im2col {

    private static final String OP = "im2col";

    private Im2col() {
    }

    /**
     * Fills {@code col} with the column matrix of {@code x}, on the calling thread.
     *
     * @param x input {@code [batch, channels, height, width]}, length exactly {@link ConvGeometry#inputSize()}
     * @param geometry shapes of the convolution
     * @param col output {@code [K, N * P]}, length at least {@link ConvGeometry#columnSize()}
     * @throws IllegalArgumentException if an array length does not match {@code geometry}
     */
    public static void im2col(float[] x, ConvGeometry geometry, float[] col) {
        FloatUnfold unfold = new FloatUnfold(x, geometry, col);
        PlaneTasks.runSequential(planeCount(geometry), unfold::unfoldPlane);
    }

    /** Fills {@code col} like {@link #im2col(float[], ConvGeometry, float[])}, split across {@code pool}. */
    public static void im2col(float[] x, ConvGeometry geometry, float[] col, ForkJoinPool pool) {
        FloatUnfold unfold = new FloatUnfold(x, geometry, col);
        PlaneTasks.run(planeCount(geometry), pool, unfold::unfoldPlane);
    }

    /** Fills {@code col} like {@link #im2col(float[], ConvGeometry, float[])}, in double precision. */
    public static void im2col(double[] x, ConvGeometry geometry, double[] col) {
        DoubleUnfold unfold = new DoubleUnfold(x, geometry, col);
        PlaneTasks.runSequential(planeCount(geometry), unfold::unfoldPlane);
    }

    /** Fills {@code col} like {@link #im2col(double[], ConvGeometry, double[])}, split across {@code pool}. */
    public static void im2col(double[] x, ConvGeometry geometry, double[] col, ForkJoinPool pool) {
        DoubleUnfold unfold = new DoubleUnfold(x, geometry, col);
        PlaneTasks.run(planeCount(geometry), pool, unfold::unfoldPlane);
    }

    private static int planeCount(ConvGeometry geometry) {
        return geometry.batch() * geometry.channels();
    }

    private static void checkLengths(int xLength, int colLength, ConvGeometry geometry) {
        ArrayChecks.requireLength(OP, "x", xLength, geometry.inputSize(), geometry);
        ArrayChecks.requireMinimumLength(OP, "col", colLength, geometry.columnSize(), geometry);
    }

    /** Writes the {@code kernelHeight * kernelWidth} column rows of one (image, channel) plane. */
    private static final class FloatUnfold extends ColumnPlan {
        private final float[] x;
        private final float[] col;

        FloatUnfold(float[] x, ConvGeometry geometry, float[] col) {
            super(geometry);
            checkLengths(x.length, col.length, geometry);
            this.x = x;
            this.col = col;
        }

        void unfoldPlane(int plane) {
            int image = plane / channels;
            int channel = plane % channels;
            for (int i = 0; i < kernelHeight; i++) {
                for (int j = 0; j < kernelWidth; j++) {
                    unfoldTap(plane * inputPlaneSize, rowStart(channel, i, j, image), i, j);
                }
            }
        }

        private void unfoldTap(int xPlane, int dst, int i, int j) {
            int rowStart = rows.start(i);
            int rowEnd = rows.end(i);
            int colStart = columns.start(j);
            int colEnd = columns.end(j);
            Arrays.fill(col, dst, dst + rowStart * outputWidth, 0f);
            Arrays.fill(col, dst + rowEnd * outputWidth, dst + outputPlaneSize, 0f);
            if (isWholeRowCopy(colStart, colEnd)) {
                // Consecutive output rows read consecutive input rows, so one copy covers the block.
                int src = xPlane + inputRow(rowStart, i) * width;
                System.arraycopy(x, src, col, dst + rowStart * outputWidth, (rowEnd - rowStart) * width);
                return;
            }
            for (int oh = rowStart; oh < rowEnd; oh++) {
                int out = dst + oh * outputWidth;
                int src = xPlane + inputRow(oh, i) * width + inputColumnOffset(j);
                for (int ow = 0; ow < colStart; ow++) {
                    col[out + ow] = 0;
                }
                for (int ow = colEnd; ow < outputWidth; ow++) {
                    col[out + ow] = 0;
                }
                if (strideWidth == 1) {
                    System.arraycopy(x, src + colStart, col, out + colStart, colEnd - colStart);
                } else {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        col[out + ow] = x[src + ow * strideWidth];
                    }
                }
            }
        }
    }

    /** Double-precision twin of {@link FloatUnfold}. Change both together. */
    private static final class DoubleUnfold extends ColumnPlan {
        private final double[] x;
        private final double[] col;

        DoubleUnfold(double[] x, ConvGeometry geometry, double[] col) {
            super(geometry);
            checkLengths(x.length, col.length, geometry);
            this.x = x;
            this.col = col;
        }

        void unfoldPlane(int plane) {
            int image = plane / channels;
            int channel = plane % channels;
            for (int i = 0; i < kernelHeight; i++) {
                for (int j = 0; j < kernelWidth; j++) {
                    unfoldTap(plane * inputPlaneSize, rowStart(channel, i, j, image), i, j);
                }
            }
        }

        private void unfoldTap(int xPlane, int dst, int i, int j) {
            int rowStart = rows.start(i);
            int rowEnd = rows.end(i);
            int colStart = columns.start(j);
            int colEnd = columns.end(j);
            Arrays.fill(col, dst, dst + rowStart * outputWidth, 0d);
            Arrays.fill(col, dst + rowEnd * outputWidth, dst + outputPlaneSize, 0d);
            if (isWholeRowCopy(colStart, colEnd)) {
                int src = xPlane + inputRow(rowStart, i) * width;
                System.arraycopy(x, src, col, dst + rowStart * outputWidth, (rowEnd - rowStart) * width);
                return;
            }
            for (int oh = rowStart; oh < rowEnd; oh++) {
                int out = dst + oh * outputWidth;
                int src = xPlane + inputRow(oh, i) * width + inputColumnOffset(j);
                for (int ow = 0; ow < colStart; ow++) {
                    col[out + ow] = 0;
                }
                for (int ow = colEnd; ow < outputWidth; ow++) {
                    col[out + ow] = 0;
                }
                if (strideWidth == 1) {
                    System.arraycopy(x, src + colStart, col, out + colStart, colEnd - colStart);
                } else {
                    for (int ow = colStart; ow < colEnd; ow++) {
                        col[out + ow] = x[src + ow * strideWidth];
                    }
                }
            }
        }
    }
}
