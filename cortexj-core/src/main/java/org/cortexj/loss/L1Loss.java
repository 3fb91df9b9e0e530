package org.cortexj.loss;

import org.cortexj.tensor.Tensor;

/**
 * Absolute error |prediction − target|, by default averaged over all elements.
 *
 * <p>Contract: prediction and target have the same shape (any shape) and the same float type;
 * they are never broadcast against each other. The derivative of |d| at d = 0 is 0, as in
 * PyTorch.
 */
public final class L1Loss implements Loss {

    private static final String NAME = "L1Loss";

    private final Reduction reduction;

    /** Mean absolute error over all elements. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        this.reduction = LossChecks.requireReduction(NAME, reduction);
    }

    @Override
    public Tensor forward(Tensor prediction, Tensor target) {
        LossChecks.requireSameShape(NAME, prediction, target);
        return reduction.apply(prediction.sub(target).abs());
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }
}
