package org.cortexj.tensor;

import java.util.Arrays;
import org.cortexj.autograd.BackwardRule;
import org.cortexj.autograd.GradMode;
import org.cortexj.autograd.Node;

/** Attaches gradient rules to operation outputs when recording is on and an input needs it. */
final class Recorder {

    private Recorder() {
    }

    static void record(Tensor output, String operation, BackwardRule rule, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad()) {
                output.recordGradNode(new Node(operation, Arrays.asList(inputs), rule));
                return;
            }
        }
    }
}
