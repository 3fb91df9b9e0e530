package org.cortexj.loss;

import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * Lasso penalty coefficient · Σ |w| over every element of the given tensors. It favors sparse
 * weights. The derivative of |w| at w = 0 is taken as 0.
 */
public final class L1Penalty implements WeightPenalty {

    private static final String NAME = "L1Penalty";

    private final double coefficient;

    /**
     * @param coefficient weight of the penalty, finite and &gt;= 0
     * @throws IllegalArgumentException if the coefficient is negative, NaN or infinite
     */
    public L1Penalty(double coefficient) {
        this.coefficient = PenaltySums.requireCoefficient(NAME, coefficient);
    }

    public double coefficient() {
        return coefficient;
    }

    @Override
    public Tensor compute(List<Tensor> tensors) {
        return PenaltySums.sum(NAME, coefficient, tensors, Tensor::abs);
    }
}
