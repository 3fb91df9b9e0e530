package org.cortexj.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.nn.Network;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * The state that a training step changes before its loss is known: the network's buffers (batch
 * normalization statistics, updated by the forward pass) and the position of the dropout noise.
 * A skipped step restores it, so a non-finite batch leaves no trace in the model.
 */
final class StepSnapshot {

    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final long noisePosition;

    private StepSnapshot(Network network, Generator noise) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            network.namedBuffers().forEach((name, buffer) -> buffers.put(name, buffer.copy()));
        }
        this.noisePosition = noise.position();
    }

    static StepSnapshot take(Network network, Generator noise) {
        return new StepSnapshot(network, noise);
    }

    void restore(Network network, Generator noise) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            network.namedBuffers().forEach((name, buffer) -> buffer.assign(buffers.get(name)));
        }
        noise.setPosition(noisePosition);
    }
}
