package org.cortexj.backend;

import java.util.Objects;
import org.cortexj.backend.WindowRules.Axis;

/**
 * Shapes of one 2-D convolution over a batch of NCHW images: input {@code [batch, channels, height,
 * width]}, sliding window, and the output and column sizes derived from them.
 *
 * <p>Output size per axis: {@code floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1}.
 * The column buffer that {@link Backend#im2col} fills has {@link #columnRows()} rows
 * ({@code channels * kernelHeight * kernelWidth}) and {@link #columnCols()} columns
 * ({@code batch * outputHeight * outputWidth}), laid out as {@link Backend#im2col} describes.
 *
 * @param batch number of images N, at least 0
 * @param channels input channels per image C, at least 0
 * @param height input rows H, at least 1
 * @param width input columns W, at least 1
 * @param window kernel, stride, padding and dilation
 */
public record ConvGeometry(int batch, int channels, int height, int width, Window2d window) {

    private static final String OP = "conv2d";

    /**
     * Checks the input dimensions against the window and that every buffer fits in a Java array.
     *
     * @throws IllegalArgumentException if a dimension is out of range, the dilated kernel is larger
     *     than the padded input on either axis, or the input or column buffer would exceed
     *     {@link Integer#MAX_VALUE} elements
     */
    public ConvGeometry {
        Objects.requireNonNull(window, "conv2d: window must not be null");
        WindowRules.requireDimension(OP, "batch", batch, 0);
        WindowRules.requireDimension(OP, "channels", channels, 0);
        WindowRules.requireDimension(OP, "height", height, 1);
        WindowRules.requireDimension(OP, "width", width, 1);
        long planeSize = (long) outputSize(Axis.HEIGHT, height, window) * outputSize(Axis.WIDTH, width, window);
        long rows = (long) channels * window.kernelHeight() * window.kernelWidth();
        WindowRules.requireArraySize(OP, "an input plane", (long) height * width);
        WindowRules.requireArraySize(OP, "an output plane", planeSize);
        WindowRules.requireArraySize(OP, "the input", (long) batch * channels * height * width);
        WindowRules.requireArraySize(OP, "the column buffer", rows * batch * planeSize);
    }

    /** Number of output rows. */
    public int outputHeight() {
        return outputSize(Axis.HEIGHT, height, window);
    }

    /** Number of output columns. */
    public int outputWidth() {
        return outputSize(Axis.WIDTH, width, window);
    }

    /** Number of output positions per image and channel: {@code outputHeight * outputWidth}. */
    public int outputPlaneSize() {
        return outputHeight() * outputWidth();
    }

    /** Number of input elements: {@code batch * channels * height * width}. */
    public int inputSize() {
        return batch * channels * height * width;
    }

    /** Rows of the column buffer, also the inner GEMM dimension: {@code channels * kernelHeight * kernelWidth}. */
    public int columnRows() {
        return channels * window.kernelHeight() * window.kernelWidth();
    }

    /** Columns of the column buffer: {@code batch * outputHeight * outputWidth}. */
    public int columnCols() {
        return batch * outputPlaneSize();
    }

    /** Number of column buffer elements: {@code columnRows() * columnCols()}. */
    public int columnSize() {
        return columnRows() * columnCols();
    }

    /**
     * Returns the number of output elements for {@code outChannels} filters:
     * {@code batch * outChannels * outputHeight * outputWidth}.
     *
     * @throws IllegalArgumentException if {@code outChannels} is negative or the output would
     *     exceed {@link Integer#MAX_VALUE} elements
     */
    public int outputSize(int outChannels) {
        WindowRules.requireDimension(OP, "outChannels", outChannels, 0);
        long size = (long) batch * outChannels * outputPlaneSize();
        WindowRules.requireArraySize(OP, "the output", size);
        return (int) size;
    }

    /** Returns the number of weight elements {@code [outChannels, channels, kernelHeight, kernelWidth]}. */
    public int weightSize(int outChannels) {
        WindowRules.requireDimension(OP, "outChannels", outChannels, 0);
        long size = (long) outChannels * columnRows();
        WindowRules.requireArraySize(OP, "the weight", size);
        return (int) size;
    }

    @Override
    public String toString() {
        return "ConvGeometry[input=[" + batch + ", " + channels + ", " + height + ", " + width
                + "], output=" + outputHeight() + "x" + outputWidth() + ", " + window + "]";
    }

    private static int outputSize(Axis axis, int size, Window2d window) {
        return WindowRules.outputSize(OP, axis, size, window, false);
    }
}
