package org.cortexj.nn.functional;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.cortexj.tensor.Tensor;

/**
 * 2-D max and average pooling over NCHW tensors, with gradients, as PyTorch's
 * {@code max_pool2d} and {@code avg_pool2d}.
 *
 * <p>Shapes: x {@code [N, C, H, W]} or {@code [C, H, W]}, output
 * {@code [N, C, outputHeight, outputWidth]} (without N when x has none). Output size per axis:
 * {@code floor((size + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1}. With
 * {@code ceilMode} the division rounds up instead, but a last window that would start inside
 * the right padding is dropped. Padding may be at most half the kernel size on each axis.
 *
 * <p>Max pooling treats padding as negative infinity, sends each window's gradient to its
 * maximum, and on a tie picks the first maximum in row-major window order. Average pooling pads
 * with zeros and divides by the number of window cells inside the padded input
 * ({@code countIncludePad} true, the PyTorch default) or inside the input (false).
 */
public final class Pooling {

    private static final String MAX = "maxpool2d";
    private static final String AVG = "avgpool2d";

    private Pooling() {
    }

    /** Max pooling result: the pooled values and, per value, the flat index of its winner. */
    public record MaxPoolResult(Tensor values, Tensor indices) {
    }

    /**
     * Max pools with a square window, no dilation and floor rounding.
     *
     * @param kernel window size on both axes, at least 1
     * @param stride step between windows on both axes, at least 1 (PyTorch's default is the kernel size)
     * @param padding cells of negative infinity added on each side, 0 to kernel / 2
     */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x, new int[] {kernel}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /**
     * Max pools every window of every (image, channel) plane.
     *
     * @param kernel one value for both axes or {@code {height, width}}, each at least 1
     * @param stride one value or {@code {height, width}}, each at least 1
     * @param padding one value or {@code {height, width}}, each from 0 to half the kernel size
     * @param dilation one value or {@code {height, width}}, each at least 1 (1 = dense window)
     * @param ceilMode whether output sizes round up instead of down
     * @throws IllegalArgumentException if x is not a float tensor of rank 3 or 4, or a setting
     *     does not fit the input
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return maxPool2dWithIndices(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    /**
     * Max pools like {@link #maxPool2d(Tensor, int[], int[], int[], int[], boolean)} and also
     * returns, for every output element, the flat index {@code h * W + w} of the winning cell
     * inside its (image, channel) input plane, as an int32 tensor of the output's shape. A
     * window with no input cell, possible only with dilation, has index −1 and value negative
     * infinity.
     */
    public static MaxPoolResult maxPool2dWithIndices(Tensor x, int[] kernel, int[] stride, int[] padding,
            int[] dilation, boolean ceilMode) {
        if (x.rank() == 3) {
            MaxPoolResult batched = maxPool2dWithIndices(x.unsqueeze(0), kernel, stride, padding, dilation,
                    ceilMode);
            return new MaxPoolResult(batched.values().squeeze(0), batched.indices().squeeze(0));
        }
        PoolGeometry geometry = geometry(MAX, x, kernel, stride, padding, dilation, ceilMode);
        Backend backend = x.backend();
        int[] outputShape = outputShape(geometry);
        Tensor values = KernelBuffers.zeros(backend, x.dataType(), outputShape);
        Tensor indices = KernelBuffers.zeros(backend, DataType.INT32, outputShape);
        backend.maxPool2d(KernelBuffers.exact(x), geometry, values.buffer(), indices.buffer());

        Buffer winners = indices.buffer();
        values.recordOperation(MAX, dy -> {
            Tensor dx = KernelBuffers.zeros(backend, x.dataType(), x.shape().dims());
            backend.maxPool2dBackward(KernelBuffers.exact(dy), winners, geometry, dx.buffer());
            return new Tensor[] {dx};
        }, x);
        return new MaxPoolResult(values, indices);
    }

    /**
     * Average pools with a square window, floor rounding and padding counted in the divisor.
     *
     * @param kernel window size on both axes, at least 1
     * @param stride step between windows on both axes, at least 1 (PyTorch's default is the kernel size)
     * @param padding zero cells added on each side, 0 to kernel / 2
     */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return avgPool2d(x, new int[] {kernel}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /**
     * Average pools every window of every (image, channel) plane.
     *
     * @param kernel one value for both axes or {@code {height, width}}, each at least 1
     * @param stride one value or {@code {height, width}}, each at least 1
     * @param padding one value or {@code {height, width}}, each from 0 to half the kernel size
     * @param ceilMode whether output sizes round up instead of down
     * @param countIncludePad whether padding cells count in the divisor
     * @throws IllegalArgumentException if x is not a float tensor of rank 3 or 4, or a setting
     *     does not fit the input
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad) {
        if (x.rank() == 3) {
            return avgPool2d(x.unsqueeze(0), kernel, stride, padding, ceilMode, countIncludePad).squeeze(0);
        }
        PoolGeometry geometry = geometry(AVG, x, kernel, stride, padding, new int[] {1}, ceilMode);
        Backend backend = x.backend();
        Tensor y = KernelBuffers.zeros(backend, x.dataType(), outputShape(geometry));
        backend.avgPool2d(KernelBuffers.exact(x), geometry, countIncludePad, y.buffer());

        return y.recordOperation(AVG, dy -> {
            Tensor dx = KernelBuffers.zeros(backend, x.dataType(), x.shape().dims());
            backend.avgPool2dBackward(KernelBuffers.exact(dy), geometry, countIncludePad, dx.buffer());
            return new Tensor[] {dx};
        }, x);
    }

    private static PoolGeometry geometry(String op, Tensor x, int[] kernel, int[] stride, int[] padding,
            int[] dilation, boolean ceilMode) {
        WindowArguments.requireFloatRank(op, "x", x, 4, "[N, C, H, W] (or 3 for [C, H, W])");
        Window2d window = WindowArguments.window(op, WindowArguments.pair(op, "kernel size", kernel),
                WindowArguments.pair(op, "stride", stride), WindowArguments.pair(op, "padding", padding),
                WindowArguments.pair(op, "dilation", dilation));
        return new PoolGeometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3), window, ceilMode);
    }

    private static int[] outputShape(PoolGeometry geometry) {
        return new int[] {geometry.batch(), geometry.channels(), geometry.outputHeight(), geometry.outputWidth()};
    }
}
