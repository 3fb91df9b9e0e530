package org.cortexj.nn.layers;

import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.functional.Convolution;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * 2-D convolution layer over NCHW images, a cross-correlation with zero padding and one group,
 * as PyTorch's {@code Conv2d}; {@link Convolution#conv2d} gives the formula.
 *
 * <p>Shapes: weight {@code [outChannels, inChannels, kernelHeight, kernelWidth]}, bias
 * {@code [outChannels]} (optional), input {@code [N, inChannels, H, W]} or
 * {@code [inChannels, H, W]}, output {@code [N, outChannels, outputHeight, outputWidth]} with
 * {@code outputSize = floor((size + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1} per
 * axis. Defaults as in PyTorch: stride 1, padding 0, dilation 1, with bias. Parameters are named
 * {@code weight} and {@code bias}.
 */
public final class Conv2d extends Module {

    private static final String LAYER = "Conv2d";
    private static final String[] WEIGHT_AXES = {"outChannels", "inChannels", "kernel height", "kernel width"};

    private final Parameter weight;
    private final Parameter bias;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;

    /**
     * Creates the layer from explicit initial values, which become its parameters (not copied).
     *
     * @param weight {@code [outChannels, inChannels, kernelHeight, kernelWidth]}, every size at least 1
     * @param bias {@code [outChannels]} of the weight's data type, or null for no bias
     * @param stride one value for both axes or {@code {height, width}}, each at least 1
     * @param padding zero cells added on each side, one value or {@code {height, width}}, each at least 0
     * @param dilation distance between kernel taps, one value or {@code {height, width}}, each at least 1
     */
    public Conv2d(Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation) {
        checkWeight(weight);
        if (bias != null) {
            LayerSettings.parameterShape(LAYER, "bias", bias, weight.dim(0));
            LayerSettings.sameType(LAYER, "weight", weight, "bias", bias);
        }
        this.stride = LayerSettings.pair(LAYER, "stride", stride, 1);
        this.padding = LayerSettings.pair(LAYER, "padding", padding, 0);
        this.dilation = LayerSettings.pair(LAYER, "dilation", dilation, 1);
        this.weight = addParameter("weight", weight);
        this.bias = bias == null ? null : addParameter("bias", bias);
    }

    /** Creates the layer from explicit initial values with the same stride, padding and dilation on both axes. */
    public Conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        this(weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation});
    }

    /**
     * Creates the layer with PyTorch's default initialization: weight and bias uniform in
     * {@code [−1/sqrt(fanIn), 1/sqrt(fanIn))} with {@code fanIn = inChannels · kernelHeight ·
     * kernelWidth}, drawn from {@code generator}.
     *
     * @param inChannels channels of the input, at least 1
     * @param outChannels number of filters, at least 1
     * @param kernel one value for both axes or {@code {height, width}}, each at least 1
     * @param bias whether to add a learned bias per output channel
     * @param dataType FLOAT32 or FLOAT64
     */
    public Conv2d(int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding, int[] dilation,
            boolean bias, DataType dataType, Generator generator) {
        this(initialWeight(inChannels, outChannels, kernel, dataType, generator),
                bias ? DefaultInit.uniform(generator, fanIn(inChannels, kernel), dataType, outChannels) : null,
                stride, padding, dilation);
    }

    /** Creates a square-kernel layer with bias and dilation 1, initialized as PyTorch does by default. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, DataType dataType,
            Generator generator) {
        this(inChannels, outChannels, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {1}, true, dataType, generator);
    }

    private static void checkWeight(Tensor weight) {
        if (weight == null || weight.rank() != 4) {
            throw new IllegalArgumentException(LAYER + ": weight must have shape [outChannels, inChannels, "
                    + "kernelHeight, kernelWidth], got " + (weight == null ? "null" : weight.shape().toString()));
        }
        LayerSettings.floatTensor(LAYER, "weight", weight);
        LayerSettings.positiveDims(LAYER, "weight", weight, WEIGHT_AXES);
    }

    private static Tensor initialWeight(int inChannels, int outChannels, int[] kernel, DataType dataType,
            Generator generator) {
        LayerSettings.atLeast(LAYER, "inChannels", inChannels, 1);
        LayerSettings.atLeast(LAYER, "outChannels", outChannels, 1);
        int[] size = LayerSettings.pair(LAYER, "kernel size", kernel, 1);
        LayerSettings.floatType(LAYER, dataType);
        LayerSettings.generator(LAYER, generator);
        return DefaultInit.uniform(generator, fanIn(inChannels, kernel), dataType, outChannels, inChannels,
                size[0], size[1]);
    }

    private static int fanIn(int inChannels, int[] kernel) {
        int[] size = LayerSettings.pair(LAYER, "kernel size", kernel, 1);
        return inChannels * size[0] * size[1];
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor biasValue = bias == null ? null : bias.value();
        return Convolution.conv2d(input, weight.value(), biasValue, stride, padding, dilation);
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Parameter bias() {
        return bias;
    }

    /** Stride as {@code {height, width}}. */
    public int[] stride() {
        return stride.clone();
    }

    /** Padding as {@code {height, width}}. */
    public int[] padding() {
        return padding.clone();
    }

    /** Dilation as {@code {height, width}}. */
    public int[] dilation() {
        return dilation.clone();
    }
}
