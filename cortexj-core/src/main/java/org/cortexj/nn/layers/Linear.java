package org.cortexj.nn.layers;

import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Fully connected layer: {@code y = x · Wᵀ + b}.
 *
 * <p>Shapes: weight W {@code [outFeatures, inFeatures]}, bias b {@code [outFeatures]} (optional).
 * Input {@code [N, inFeatures]} gives {@code [N, outFeatures]}, and a single example
 * {@code [inFeatures]} gives {@code [outFeatures]}. An input of rank above 2, such as
 * {@code [N, C, H, W]}, is first flattened to {@code [N, C·H·W]}, so C·H·W must equal
 * inFeatures. Parameters are named {@code weight} and {@code bias}.
 */
public final class Linear extends Module {

    private static final String LAYER = "Linear";

    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates the layer from explicit initial values, which become its parameters (not copied).
     *
     * @param weight {@code [outFeatures, inFeatures]}, both at least 1
     * @param bias {@code [outFeatures]} of the weight's data type, or null for no bias
     */
    public Linear(Tensor weight, Tensor bias) {
        if (weight == null || weight.rank() != 2) {
            throw new IllegalArgumentException(LAYER + ": weight must have shape [outFeatures, inFeatures], got "
                    + (weight == null ? "null" : weight.shape().toString()));
        }
        LayerSettings.floatTensor(LAYER, "weight", weight);
        LayerSettings.positiveDims(LAYER, "weight", weight, new String[] {"outFeatures", "inFeatures"});
        if (bias != null) {
            LayerSettings.parameterShape(LAYER, "bias", bias, weight.dim(0));
            LayerSettings.sameType(LAYER, "weight", weight, "bias", bias);
        }
        this.weight = addParameter("weight", weight);
        this.bias = bias == null ? null : addParameter("bias", bias);
    }

    /**
     * Creates the layer with PyTorch's default initialization: weight and bias uniform in
     * {@code [−1/sqrt(inFeatures), 1/sqrt(inFeatures))}, drawn from {@code generator}.
     *
     * @param inFeatures size of each input example, at least 1
     * @param outFeatures size of each output example, at least 1
     * @param bias whether to add a learned bias
     * @param dataType FLOAT32 or FLOAT64
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, DataType dataType, Generator generator) {
        this(initialWeight(inFeatures, outFeatures, dataType, generator),
                bias ? DefaultInit.uniform(generator, inFeatures, dataType, outFeatures) : null);
    }

    private static Tensor initialWeight(int inFeatures, int outFeatures, DataType dataType, Generator generator) {
        LayerSettings.atLeast(LAYER, "inFeatures", inFeatures, 1);
        LayerSettings.atLeast(LAYER, "outFeatures", outFeatures, 1);
        LayerSettings.floatType(LAYER, dataType);
        LayerSettings.generator(LAYER, generator);
        return DefaultInit.uniform(generator, inFeatures, dataType, outFeatures, inFeatures);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input.rank() > 2 ? input.flatten(1, input.rank() - 1) : input;
        if (x.rank() == 0 || x.dim(-1) != inFeatures()) {
            throw new IllegalArgumentException(LAYER + ": input " + input.shape() + " has " + features(x)
                    + " features, expected " + inFeatures() + "; pass [N, " + inFeatures() + "] or a shape whose "
                    + "axes after the first multiply to " + inFeatures());
        }
        LayerSettings.sameType(LAYER, "weight", weight.value(), "input", x);
        Tensor y = x.matmul(weight.value().transpose(0, 1));
        return bias == null ? y : y.add(bias.value());
    }

    private static String features(Tensor x) {
        return x.rank() == 0 ? "no" : Integer.toString(x.dim(-1));
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Parameter bias() {
        return bias;
    }

    public int inFeatures() {
        return weight.value().dim(1);
    }

    public int outFeatures() {
        return weight.value().dim(0);
    }
}
