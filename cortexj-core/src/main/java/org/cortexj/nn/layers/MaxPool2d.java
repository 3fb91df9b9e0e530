package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Pooling;
import org.cortexj.tensor.Tensor;

/**
 * 2-D max pooling over NCHW images, as PyTorch's {@code MaxPool2d}: each output is the maximum
 * of its window, padding counts as negative infinity, and the gradient goes to the window's
 * maximum (the first one in row-major order on a tie). {@link Pooling} gives the output-size rule.
 *
 * <p>Shapes: input {@code [N, C, H, W]} or {@code [C, H, W]}, output
 * {@code [N, C, outputHeight, outputWidth]}. Defaults as in PyTorch: stride equal to the kernel
 * size, padding 0, dilation 1, floor rounding. The layer has no parameters.
 */
public final class MaxPool2d extends Module {

    private static final String LAYER = "MaxPool2d";

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    /**
     * Creates the layer.
     *
     * @param kernel window size, one value for both axes or {@code {height, width}}, each at least 1
     * @param stride step between windows, one value or {@code {height, width}}, each at least 1
     * @param padding cells added on each side, one value or {@code {height, width}}, each from 0
     *     to half the kernel size
     * @param dilation distance between window cells, one value or {@code {height, width}}, each at least 1
     * @param ceilMode whether output sizes round up instead of down
     */
    public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernel = LayerSettings.pair(LAYER, "kernel size", kernel, 1);
        this.stride = LayerSettings.pair(LAYER, "stride", stride, 1);
        this.padding = LayerSettings.pair(LAYER, "padding", padding, 0);
        this.dilation = LayerSettings.pair(LAYER, "dilation", dilation, 1);
        LayerSettings.poolPadding(LAYER, this.padding, this.kernel);
        this.ceilMode = ceilMode;
    }

    /** Creates a square-window layer with dilation 1 and floor rounding. */
    public MaxPool2d(int kernel, int stride, int padding) {
        this(new int[] {kernel}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /** Creates a square-window layer whose stride equals the kernel size, without padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.maxPool2d(input, kernel, stride, padding, dilation, ceilMode);
    }

    /** Pools like {@link #forward} and also returns the flat index of each window's maximum. */
    public Pooling.MaxPoolResult forwardWithIndices(Tensor input) {
        return Pooling.maxPool2dWithIndices(input, kernel, stride, padding, dilation, ceilMode);
    }
}
