package org.cortexj.nn.layers;

import java.util.Arrays;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Parametric ReLU, as PyTorch's {@code PReLU}: {@code y = x} for {@code x > 0} and
 * {@code y = a·x} otherwise, with a learned slope {@code a}. At exactly 0 the derivative with
 * respect to x is {@code a}, the {@code x ≤ 0} branch.
 *
 * <p>Shapes: any input, output of the same shape. With one slope it applies to every element;
 * with C slopes the input must be {@code [N, C, ...]} and slope {@code c} applies to channel
 * {@code c} (axis 1). The parameter is named {@code weight}; PyTorch initializes it to 0.25.
 */
public final class PReLU extends Module {

    private static final String LAYER = "PReLU";

    /** PyTorch's initial slope. */
    public static final double DEFAULT_SLOPE = 0.25;

    private final Parameter weight;

    /**
     * Creates the layer from explicit initial slopes, which become its parameter (not copied).
     *
     * @param weight {@code [numParameters]}: 1 slope shared by all elements, or 1 per channel
     */
    public PReLU(Tensor weight) {
        if (weight == null || weight.rank() != 1) {
            throw new IllegalArgumentException(LAYER + ": weight must have shape [numParameters], got "
                    + (weight == null ? "null" : weight.shape().toString()));
        }
        LayerSettings.atLeast(LAYER, "numParameters", weight.dim(0), 1);
        LayerSettings.floatTensor(LAYER, "weight", weight);
        this.weight = addParameter("weight", weight);
    }

    /**
     * Creates the layer with every slope at {@value #DEFAULT_SLOPE}.
     *
     * @param numParameters 1 for a shared slope or the number of channels C, at least 1
     * @param dataType FLOAT32 or FLOAT64
     */
    public PReLU(int numParameters, DataType dataType) {
        this(Tensor.full(DEFAULT_SLOPE, LayerSettings.floatType(LAYER, dataType),
                LayerSettings.atLeast(LAYER, "numParameters", numParameters, 1)));
    }

    @Override
    public Tensor forward(Tensor input) {
        LayerSettings.sameType(LAYER, "weight", weight.value(), "input", input);
        Tensor slope = broadcastSlope(input);
        return Tensor.where(input.gt(0), input, input.mul(slope));
    }

    /** Reshapes C slopes to {@code [1, C, 1, ...]} so they broadcast along axis 1. */
    private Tensor broadcastSlope(Tensor input) {
        Tensor slopes = weight.value();
        int count = slopes.dim(0);
        if (count == 1) {
            return slopes.reshape();
        }
        if (input.rank() < 2 || input.dim(1) != count) {
            throw new IllegalArgumentException(LAYER + ": " + count + " slopes need an input [N, " + count
                    + ", ...] with the channels on axis 1, got shape " + input.shape());
        }
        int[] shape = new int[input.rank()];
        Arrays.fill(shape, 1);
        shape[1] = count;
        return slopes.reshape(shape);
    }

    /** The slopes, {@code [numParameters]}. */
    public Parameter weight() {
        return weight;
    }
}
