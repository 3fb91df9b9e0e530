package org.cortexj.nn;

import org.cortexj.autograd.GradMode;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.functional.Softmax;
import org.cortexj.tensor.Tensor;

/**
 * A network built from a {@link NetworkDescription}: its layers in order, named by layer id
 * (or position), so parameters are named like {@code conv1.weight}.
 *
 * <p>{@link #forward} returns logits: a final softmax layer in the description is applied by
 * {@link #predictProbabilities} and, during training, inside the cross-entropy loss.
 */
public final class Network extends Module {

    private final NetworkDescription description;
    private final java.util.List<Module> layers = new java.util.ArrayList<>();
    private final boolean softmaxOutput;

    /**
     * Wraps built layers, registering each as a child under its name;
     * {@link org.cortexj.nn.description.NetworkFactory} is the usual way to make one.
     */
    public Network(NetworkDescription description, java.util.Map<String, Module> layers, boolean softmaxOutput) {
        this.description = description;
        layers.forEach((name, layer) -> this.layers.add(addChild(name, layer)));
        this.softmaxOutput = softmaxOutput;
    }

    public NetworkDescription description() {
        return description;
    }

    /** Whether the description ends with a softmax, so outputs are class scores. */
    public boolean hasSoftmaxOutput() {
        return softmaxOutput;
    }

    /**
     * Computes logits for a batch.
     *
     * @param input [N, ...example shape]
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor output = input;
        for (Module layer : layers) {
            output = layer.forward(output);
        }
        return output;
    }

    /** Class probabilities for a batch, computed in evaluation mode without recording gradients. */
    public Tensor predictProbabilities(Tensor input) {
        if (isTraining()) {
            throw new IllegalStateException("predictProbabilities: network is in training mode, where dropout is "
                    + "active; call eval() first");
        }
        try (GradMode.Scope ignored = GradMode.disable()) {
            return Softmax.softmax(forward(input), -1).realize();
        }
    }
}
