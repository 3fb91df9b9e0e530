package org.cortexj.autograd;

import java.util.ArrayList;
import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * One recorded operation in the graph: the inputs it read and how to pass a gradient back to
 * them.
 *
 * @param operation name for error messages, such as {@code mul}
 * @param inputs the operation's tensor inputs, in the order the rule returns gradients
 * @param rule the gradient rule
 * @param inputVersions the buffer version of each realized input when the operation ran, or
 *     {@link #LAZY} for an input that was still lazy then, which is not checked. Writes into the
 *     tensors a lazy input reads do not change it, because it is evaluated before them.
 */
public record Node(String operation, List<Tensor> inputs, BackwardRule rule, List<Integer> inputVersions) {

    /** Version entry of a lazy input, which is never compared. */
    public static final int LAZY = -1;

    public Node {
        inputs = List.copyOf(inputs);
        inputVersions = List.copyOf(inputVersions);
        if (inputVersions.size() != inputs.size()) {
            throw new IllegalArgumentException("Node: " + inputs.size() + " inputs but " + inputVersions.size()
                    + " versions for '" + operation + "'");
        }
    }

    /** Creates a node that records the current buffer version of each input. */
    public Node(String operation, List<Tensor> inputs, BackwardRule rule) {
        this(operation, inputs, rule, currentVersions(inputs));
    }

    /**
     * Throws if a realized input was written in place since the operation ran, because the rule
     * would then compute the gradient from the new values.
     */
    public void checkInputsUnchanged() {
        for (int k = 0; k < inputs.size(); k++) {
            int recorded = inputVersions.get(k);
            Tensor input = inputs.get(k);
            if (recorded == LAZY || input.isLazy()) {
                continue;
            }
            int now = input.buffer().version();
            if (now != recorded) {
                throw new IllegalStateException("backward: input " + k + " of '" + operation + "', shape "
                        + input.shape() + ", was written in place after the operation read it (buffer version "
                        + recorded + ", now " + now + "), so its gradient would use the new values; write into a"
                        + " copy instead, or make the write after backward()");
            }
        }
    }

    private static List<Integer> currentVersions(List<Tensor> inputs) {
        List<Integer> versions = new ArrayList<>(inputs.size());
        for (Tensor input : inputs) {
            versions.add(input.isLazy() ? LAZY : input.buffer().version());
        }
        return versions;
    }
}
