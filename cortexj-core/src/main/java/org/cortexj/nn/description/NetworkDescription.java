package org.cortexj.nn.description;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cortexj.nn.description.LayerDescription.Activation;
import org.cortexj.nn.description.LayerDescription.Convolution;
import org.cortexj.nn.description.LayerDescription.Dropout;
import org.cortexj.nn.description.LayerDescription.DropoutKind;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.cortexj.nn.description.LayerDescription.Linear;
import org.cortexj.nn.description.LayerDescription.PoolKind;
import org.cortexj.nn.description.LayerDescription.Pooling;
import org.cortexj.nn.description.LayerDescription.Softmax;

/**
 * A network as data: the shape of one input example and an ordered list of layers. Every
 * layer's output shape is inferred from the input, so a description that does not fit fails
 * when it is created, naming the layer and both shapes.
 *
 * @param input shape of one example without the batch axis, such as [1, 28, 28]
 * @param layers the layers in order
 */
public record NetworkDescription(int[] input, List<LayerDescription> layers) {

    public NetworkDescription {
        input = input.clone();
        layers = List.copyOf(layers);
        for (int dim : input) {
            if (dim < 1) {
                throw new IllegalArgumentException("network: input shape " + Arrays.toString(input)
                        + " must have sizes >= 1");
            }
        }
        Checks.elementLimit("network", "input shape " + Arrays.toString(input), Checks.saturatedProduct(input));
        inferShapes(input, layers);
        checkIds(layers);
    }

    /**
     * The network that started cortex's SELU experiments: convolution 5×5 with 20 filters,
     * max-pool 2×2 stride 2, activation, convolution 5×5 with 50 filters, max-pool, activation,
     * linear 1000, dropout (cortex's keep 40%, so drop probability 0.6), linear 10, softmax.
     *
     * @param activation name of the activation, such as {@code selu} or {@code relu}
     */
    public static NetworkDescription seedNetwork(String activation) {
        return builder(1, 28, 28)
                .convolution("conv1", 20, 5)
                .maxPool(2, 2)
                .activation(activation)
                .convolution("conv2", 50, 5)
                .maxPool(2, 2)
                .activation(activation)
                .linear("fc1", 1000)
                .dropout(0.6)
                .linear("fc2", 10)
                .softmax()
                .build();
    }

    public static Builder builder(int... input) {
        return new Builder(input);
    }

    /** Output shape of every layer, in order. */
    public List<int[]> outputShapes() {
        return inferShapes(input, layers);
    }

    /** Input shape of layer {@code index}. */
    public int[] inputShapeOf(int index) {
        return index == 0 ? input.clone() : outputShapes().get(index - 1);
    }

    /** Shape of the network's output for one example. */
    public int[] outputShape() {
        return layers.isEmpty() ? input.clone() : outputShapes().get(layers.size() - 1);
    }

    public long parameterCount() {
        long total = 0;
        int[] shape = input;
        for (LayerDescription layer : layers) {
            total += layer.parameterCount(shape);
            shape = layer.outputShape(shape);
        }
        return total;
    }

    /** Returns a copy with every activation layer replaced by {@code function}. */
    public NetworkDescription withActivation(String function) {
        List<LayerDescription> replaced = new ArrayList<>();
        for (LayerDescription layer : layers) {
            replaced.add(layer instanceof Activation activation ? new Activation(activation.id(), function) : layer);
        }
        return new NetworkDescription(input, replaced);
    }

    private static List<int[]> inferShapes(int[] input, List<LayerDescription> layers) {
        List<int[]> shapes = new ArrayList<>();
        int[] shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerDescription layer = layers.get(i);
            try {
                int[] previous = shape;
                shape = layer.outputShape(previous);
                String name = Checks.label(layer.type(), layer.id());
                Checks.elementLimit(name, "output shape " + Arrays.toString(shape), Checks.saturatedProduct(shape));
                Checks.elementLimit(name, "parameter count", parameterCount(layer, previous));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("network: layer " + i + " (" + e.getMessage() + ")", e);
            }
            if (layer instanceof Softmax && i != layers.size() - 1) {
                throw new IllegalArgumentException("network: layer " + i + " (softmax) must be the last layer");
            }
            shapes.add(shape);
        }
        return shapes;
    }

    /** The layer's parameter count, or {@link Long#MAX_VALUE} when it overflows a long. */
    private static long parameterCount(LayerDescription layer, int[] input) {
        try {
            return layer.parameterCount(input);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkIds(List<LayerDescription> layers) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String id = layers.get(i).id();
            if (id == null) {
                continue;
            }
            if (id.isEmpty() || id.contains(".") || id.matches("\\d+")) {
                throw new IllegalArgumentException("network: layer " + i + " has invalid id '" + id
                        + "'; ids must be non-empty, contain no '.', and not be a plain number");
            }
            if (seen.contains(id)) {
                throw new IllegalArgumentException("network: layer " + i + " repeats id '" + id + "'; ids must be unique");
            }
            seen.add(id);
        }
    }

    /** Name of layer i: its id, or its position when it has none. */
    public String layerName(int index) {
        String id = layers.get(index).id();
        return id == null ? Integer.toString(index) : id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkDescription description
                && Arrays.equals(input, description.input)
                && layers.equals(description.layers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(input) + layers.hashCode();
    }

    @Override
    public String toString() {
        return NetworkSummary.format(this);
    }

    /** Builds descriptions layer by layer with the usual defaults. */
    public static final class Builder {
        private final int[] input;
        private final List<LayerDescription> layers = new ArrayList<>();

        private Builder(int[] input) {
            this.input = input.clone();
        }

        public Builder add(LayerDescription layer) {
            layers.add(layer);
            return this;
        }

        /** Square convolution, stride 1, no padding, with bias. */
        public Builder convolution(String id, int filters, int kernel) {
            return add(new Convolution(id, filters, Size2.square(kernel), Size2.square(1), Size2.square(0),
                    Size2.square(1), true, Initialization.AUTO));
        }

        public Builder convolution(int filters, int kernel) {
            return convolution(null, filters, kernel);
        }

        public Builder maxPool(int kernel, int stride) {
            return add(new Pooling(null, PoolKind.MAX, Size2.square(kernel), Size2.square(stride), Size2.square(0),
                    false, true));
        }

        public Builder averagePool(int kernel, int stride) {
            return add(new Pooling(null, PoolKind.AVERAGE, Size2.square(kernel), Size2.square(stride),
                    Size2.square(0), false, true));
        }

        public Builder activation(String function) {
            return add(new Activation(null, function));
        }

        public Builder linear(String id, int units) {
            return add(new Linear(id, units, true, Initialization.AUTO));
        }

        public Builder linear(int units) {
            return linear(null, units);
        }

        /** Bernoulli dropout; p is the probability of dropping an element. */
        public Builder dropout(double p) {
            return add(new Dropout(null, DropoutKind.BERNOULLI, p));
        }

        public Builder alphaDropout(double p) {
            return add(new Dropout(null, DropoutKind.ALPHA, p));
        }

        public Builder flatten() {
            return add(new LayerDescription.Flatten(null));
        }

        public Builder batchNorm() {
            return add(new LayerDescription.BatchNorm(null, 1e-5, 0.1));
        }

        public Builder softmax() {
            return add(new Softmax(null));
        }

        public NetworkDescription build() {
            return new NetworkDescription(input, layers);
        }
    }
}
