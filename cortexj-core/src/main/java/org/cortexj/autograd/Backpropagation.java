package org.cortexj.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.tensor.Tensor;

/**
 * Reverse-mode differentiation over the recorded graph.
 *
 * <p>Two phases: a depth-first walk orders the recorded nodes so that each comes after every
 * node that uses its output; then the chain rule runs in that order in reverse, summing the
 * gradient contributions each tensor receives. Leaves that require gradients add the result to
 * their {@link Tensor#grad()}.
 */
public final class Backpropagation {

    private Backpropagation() {
    }

    /**
     * Computes gradients of {@code root} with respect to every leaf it depends on.
     *
     * @param seed gradient of root, of root's shape; null means 1 and requires a one-element root
     */
    public static void backward(Tensor root, Tensor seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: tensor of shape " + root.shape()
                    + " does not require grad; no recorded operation led to it from a tensor with "
                    + "setRequiresGrad(true)");
        }
        Tensor start = seed == null ? defaultSeed(root) : checkSeed(root, seed);
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> gradients = new IdentityHashMap<>();
        gradients.put(root, start);
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Tensor tensor : order) {
                Tensor gradient = gradients.remove(tensor);
                if (gradient == null) {
                    continue;
                }
                if (tensor.isLeaf()) {
                    accumulateLeaf(tensor, gradient);
                } else {
                    propagate(tensor, gradient, gradients);
                }
            }
        }
    }

    private static void propagate(Tensor tensor, Tensor gradient, Map<Tensor, Tensor> gradients) {
        Node node = tensor.gradNode();
        node.checkInputsUnchanged();
        Tensor[] inputGradients = node.rule().backward(gradient);
        List<Tensor> inputs = node.inputs();
        for (int k = 0; k < inputs.size(); k++) {
            Tensor input = inputs.get(k);
            Tensor contribution = inputGradients[k];
            if (contribution == null || !input.requiresGrad()) {
                continue;
            }
            if (!contribution.shape().equals(input.shape())) {
                throw new IllegalStateException("backward: rule of '" + node.operation() + "' returned a gradient of shape "
                        + contribution.shape() + " for input " + k + " of shape " + input.shape());
            }
            Tensor previous = gradients.get(input);
            gradients.put(input, previous == null ? contribution : previous.add(contribution));
        }
    }

    private static void accumulateLeaf(Tensor leaf, Tensor gradient) {
        Tensor previous = leaf.grad();
        Tensor total = previous == null ? gradient : previous.add(gradient);
        if (total.dataType() != leaf.dataType()) {
            total = total.toType(leaf.dataType());
        }
        // The incoming gradient can be the caller's seed, a broadcast view with stride 0, or a
        // tensor that other leaves also receive, so each leaf stores its own contiguous copy,
        // which optimizers may then change in place.
        leaf.setGrad(total.copy());
    }

    private static Tensor defaultSeed(Tensor root) {
        if (root.size() != 1) {
            throw new IllegalStateException("backward: an implicit gradient of 1 needs a one-element tensor, got shape "
                    + root.shape() + "; pass the upstream gradient with backward(gradient)");
        }
        return root.onesLike();
    }

    private static Tensor checkSeed(Tensor root, Tensor seed) {
        if (!seed.shape().equals(root.shape())) {
            throw new IllegalArgumentException("backward: gradient shape " + seed.shape() + " differs from tensor shape "
                    + root.shape());
        }
        return seed.dataType() == root.dataType() ? seed : seed.toType(root.dataType());
    }

    /** Tensors reachable from root through recorded nodes, each after all tensors that use it. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor tensor = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node node = tensor.gradNode();
            List<Tensor> inputs = node == null ? List.of() : node.inputs();
            if (next < inputs.size()) {
                frame[1] = next + 1;
                Tensor input = inputs.get(next);
                if (input.requiresGrad() && visited.put(input, Boolean.TRUE) == null) {
                    stack.push(new Object[] {input, 0});
                }
            } else {
                stack.pop();
                order.add(tensor);
            }
        }
        // Post-order puts inputs before their users; reversing it gives users first.
        java.util.Collections.reverse(order);
        return order;
    }
}
