package org.cortexj.backend;

import java.util.Objects;
import org.cortexj.backend.WindowRules.Axis;

/**
 * Shapes of one 2-D pooling over a batch of NCHW images: input {@code [batch, channels, height,
 * width]}, sliding window, rounding mode, and the output size derived from them. Output and input
 * gradients have shape {@code [batch, channels, outputHeight, outputWidth]} and the input shape.
 *
 * <p>Output size per axis: {@code floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1}.
 * With {@code ceilMode} the quotient is rounded up instead, and the last window is dropped when
 * it would start at or past {@code size + padding}, so every window starts inside the input or
 * its left padding, as in PyTorch's {@code pooling_output_shape}. Such a last window may reach
 * past the padded input.
 *
 * <p>NOTE: a dilated kernel larger than the padded input is rejected even in ceil mode. PyTorch
 * accepts it there whenever the rounded-up output size is at least 1, for example kernel 3,
 * stride 2 and no padding on 2 cells.
 *
 * @param batch number of images N, at least 0
 * @param channels channels per image C, at least 0
 * @param height input rows H, at least 1
 * @param width input columns W, at least 1
 * @param window kernel, stride, padding and dilation, with padding at most half the kernel size
 * @param ceilMode whether output sizes round up instead of down
 */
public record PoolGeometry(int batch, int channels, int height, int width, Window2d window,
        boolean ceilMode) {

    private static final String OP = "pool2d";

    /**
     * Checks the input dimensions against the window.
     *
     * @throws IllegalArgumentException if a dimension is out of range, a padding is more than half
     *     its kernel size, the dilated kernel is larger than the padded input on either axis, or
     *     the input or output would exceed {@link Integer#MAX_VALUE} elements
     */
    public PoolGeometry {
        Objects.requireNonNull(window, "pool2d: window must not be null");
        WindowRules.requireDimension(OP, "batch", batch, 0);
        WindowRules.requireDimension(OP, "channels", channels, 0);
        WindowRules.requireDimension(OP, "height", height, 1);
        WindowRules.requireDimension(OP, "width", width, 1);
        WindowRules.requirePoolPadding(Axis.HEIGHT, window.kernelHeight(), window.paddingHeight());
        WindowRules.requirePoolPadding(Axis.WIDTH, window.kernelWidth(), window.paddingWidth());
        long planeSize = (long) outputSize(Axis.HEIGHT, height, window, ceilMode)
                * outputSize(Axis.WIDTH, width, window, ceilMode);
        WindowRules.requireArraySize(OP, "an input plane", (long) height * width);
        WindowRules.requireArraySize(OP, "an output plane", planeSize);
        WindowRules.requireArraySize(OP, "the input", (long) batch * channels * height * width);
        WindowRules.requireArraySize(OP, "the output", (long) batch * channels * planeSize);
    }

    /** Number of output rows. */
    public int outputHeight() {
        return outputSize(Axis.HEIGHT, height, window, ceilMode);
    }

    /** Number of output columns. */
    public int outputWidth() {
        return outputSize(Axis.WIDTH, width, window, ceilMode);
    }

    /** Number of planes, one per image and channel: {@code batch * channels}. */
    public int planeCount() {
        return batch * channels;
    }

    /** Number of input elements per plane: {@code height * width}. */
    public int inputPlaneSize() {
        return height * width;
    }

    /** Number of output elements per plane: {@code outputHeight * outputWidth}. */
    public int outputPlaneSize() {
        return outputHeight() * outputWidth();
    }

    /** Number of input elements: {@code batch * channels * height * width}. */
    public int inputSize() {
        return planeCount() * inputPlaneSize();
    }

    /** Number of output elements: {@code batch * channels * outputHeight * outputWidth}. */
    public int outputSize() {
        return planeCount() * outputPlaneSize();
    }

    @Override
    public String toString() {
        return "PoolGeometry[input=[" + batch + ", " + channels + ", " + height + ", " + width
                + "], output=" + outputHeight() + "x" + outputWidth() + ", " + window
                + ", ceilMode=" + ceilMode + "]";
    }

    private static int outputSize(Axis axis, int size, Window2d window, boolean ceilMode) {
        return WindowRules.outputSize(OP, axis, size, window, ceilMode);
    }
}
