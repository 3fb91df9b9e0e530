package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Pooling;
import org.cortexj.tensor.Tensor;

/**
 * 2-D average pooling over NCHW images, as PyTorch's {@code AvgPool2d}: each output is the sum
 * of its window with zero padding, divided by the number of window cells inside the padded input
 * ({@code countIncludePad} true) or inside the input only (false). {@link Pooling} gives the
 * output-size rule.
 *
 * <p>Shapes: input {@code [N, C, H, W]} or {@code [C, H, W]}, output
 * {@code [N, C, outputHeight, outputWidth]}. Defaults as in PyTorch: stride equal to the kernel
 * size, padding 0, floor rounding, padding counted in the divisor. The layer has no parameters.
 */
public final class AvgPool2d extends Module {

    private static final String LAYER = "AvgPool2d";

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /**
     * Creates the layer.
     *
     * @param kernel window size, one value for both axes or {@code {height, width}}, each at least 1
     * @param stride step between windows, one value or {@code {height, width}}, each at least 1
     * @param padding zero cells added on each side, one value or {@code {height, width}}, each
     *     from 0 to half the kernel size
     * @param ceilMode whether output sizes round up instead of down
     * @param countIncludePad whether padding cells count in the divisor
     */
    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernel = LayerSettings.pair(LAYER, "kernel size", kernel, 1);
        this.stride = LayerSettings.pair(LAYER, "stride", stride, 1);
        this.padding = LayerSettings.pair(LAYER, "padding", padding, 0);
        LayerSettings.poolPadding(LAYER, this.padding, this.kernel);
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    /** Creates a square-window layer with floor rounding that counts padding in the divisor. */
    public AvgPool2d(int kernel, int stride, int padding) {
        this(new int[] {kernel}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /** Creates a square-window layer whose stride equals the kernel size, without padding. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.avgPool2d(input, kernel, stride, padding, ceilMode, countIncludePad);
    }
}
