package org.cortexj.autograd;

import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * One recorded operation in the graph: the inputs it read and how to pass a gradient back to
 * them.
 *
 * @param operation name for error messages, such as {@code mul}
 * @param inputs the operation's tensor inputs, in the order the rule returns gradients
 * @param rule the gradient rule
 */
public record Node(String operation, List<Tensor> inputs, BackwardRule rule) {

    public Node {
        inputs = List.copyOf(inputs);
    }
}
