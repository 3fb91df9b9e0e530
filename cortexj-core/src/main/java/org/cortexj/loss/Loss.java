package org.cortexj.loss;

import org.cortexj.tensor.Tensor;

/**
 * A differentiable measure of how far predictions are from targets.
 *
 * <p>Each implementation documents the shapes it accepts for prediction and target, checks
 * them before computing, and never broadcasts one against the other: a mismatch is an
 * {@link IllegalArgumentException} naming both shapes and the expected contract. The result
 * is reduced as the loss's {@link Reduction} specifies, and calling {@code backward()} on a
 * scalar result computes the gradient of the prediction.
 */
public interface Loss {

    /**
     * Computes the loss of {@code prediction} against {@code target}.
     *
     * @throws IllegalArgumentException if the shapes, data types or target values break the
     *     implementation's contract
     */
    Tensor forward(Tensor prediction, Tensor target);

    /** How per-element or per-sample losses are combined into the result. */
    Reduction reduction();
}
