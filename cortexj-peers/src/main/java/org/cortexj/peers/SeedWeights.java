package org.cortexj.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * The starting weights of the seed network, drawn by cortexj's own initialization (LeCun normal
 * for SELU) so that every system starts from the same values.
 */
final class SeedWeights {

    /** One parameter: its cortexj name (such as {@code conv1.weight}), shape and values. */
    record Weight(String name, int[] shape, float[] values) {
    }

    private SeedWeights() {
    }

    /**
     * Builds the cortexj seed network with SELU. Weights come from {@code Generator(seed)} and
     * dropout masks from {@code Generator(seed + 1)}.
     */
    static Network buildCortexjNetwork(long seed) {
        return NetworkFactory.build(NetworkDescription.seedNetwork("selu"), new Generator(seed), new Generator(seed + 1));
    }

    /** Returns the parameters of {@link #buildCortexjNetwork(long)} in registration order. */
    static List<Weight> draw(long seed) {
        return of(buildCortexjNetwork(seed));
    }

    /** Returns the parameters of {@code network} in registration order: weight, then bias, layer by layer. */
    static List<Weight> of(Network network) {
        List<Weight> weights = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : network.namedParameters().entrySet()) {
            Tensor value = entry.getValue().value();
            weights.add(new Weight(entry.getKey(), value.shape().dims(), value.toFloatArray()));
        }
        return weights;
    }
}
