package org.cortexj.autograd;

import org.cortexj.tensor.Tensor;

/**
 * Gradient of one recorded operation: maps the gradient of its output to the gradients of its
 * inputs, in input order. An entry may be null for an input that needs no gradient. Rules are
 * written with tensor operations, so an elementwise rule is itself a lazy expression that the
 * engine evaluates fused.
 */
@FunctionalInterface
public interface BackwardRule {

    Tensor[] backward(Tensor outputGradient);
}
