package org.cortexj.loss;

import org.cortexj.tensor.Tensor;

/**
 * Squared error (prediction − target)², by default averaged over all elements.
 *
 * <p>Contract: prediction and target have the same shape (any shape) and the same float type;
 * they are never broadcast against each other. With {@link Reduction#MEAN} the gradient with
 * respect to the prediction is 2·(prediction − target)/numel.
 */
public final class MeanSquaredError implements Loss {

    private static final String NAME = "MeanSquaredError";

    private final Reduction reduction;

    /** Mean squared error over all elements. */
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    public MeanSquaredError(Reduction reduction) {
        this.reduction = LossChecks.requireReduction(NAME, reduction);
    }

    @Override
    public Tensor forward(Tensor prediction, Tensor target) {
        LossChecks.requireSameShape(NAME, prediction, target);
        return reduction.apply(prediction.sub(target).square());
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }
}
