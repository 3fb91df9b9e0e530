package org.cortexj.conformance.handlers;

import java.util.Map;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceTensor;
import org.cortexj.tensor.Tensor;

/** Shared steps of handlers: load inputs, back-propagate the case's dy, compare gradients. */
final class Gradients {

    private Gradients() {
    }

    /** Loads a float input as a leaf that requires gradients. */
    static Tensor leaf(ReferenceCase referenceCase, String name, Precision precision) {
        return referenceCase.inputs().get(name).toTensor(precision).setRequiresGrad(true);
    }

    /**
     * Back-propagates the case's dy (L = sum(y·dy)) from {@code output} when the case has one,
     * then compares the gradient of every named leaf that the case lists.
     */
    static void checkGradients(ReferenceCase referenceCase, Precision precision, Tensor output,
                               Map<String, Tensor> leaves, CaseChecker checker) {
        if (referenceCase.dy().isEmpty() || referenceCase.grads().isEmpty()) {
            return;
        }
        ReferenceTensor dy = referenceCase.dy().get();
        output.backward(dy.toTensor(precision).reshape(output.shape().dims()));
        for (Map.Entry<String, Tensor> leaf : leaves.entrySet()) {
            if (referenceCase.grads().contains(leaf.getKey())) {
                checker.grad(leaf.getKey(), leaf.getValue().grad());
            }
        }
    }
}
