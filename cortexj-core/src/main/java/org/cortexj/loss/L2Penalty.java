package org.cortexj.loss;

import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * Ridge penalty coefficient · Σ w² over every element of the given tensors, without a factor
 * 1/2. Its gradient is 2·coefficient·w, so SGD weight decay wd corresponds to a coefficient of
 * wd/2.
 */
public final class L2Penalty implements WeightPenalty {

    private static final String NAME = "L2Penalty";

    private final double coefficient;

    /**
     * @param coefficient weight of the penalty, finite and &gt;= 0
     * @throws IllegalArgumentException if the coefficient is negative, NaN or infinite
     */
    public L2Penalty(double coefficient) {
        this.coefficient = PenaltySums.requireCoefficient(NAME, coefficient);
    }

    public double coefficient() {
        return coefficient;
    }

    @Override
    public Tensor compute(List<Tensor> tensors) {
        return PenaltySums.sum(NAME, coefficient, tensors, Tensor::square);
    }
}
