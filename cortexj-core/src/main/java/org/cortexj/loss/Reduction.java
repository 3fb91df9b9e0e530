package org.cortexj.loss;

import org.cortexj.tensor.Tensor;

/** Rule by which a loss combines its per-element (or per-sample) values into one result. */
public enum Reduction {
    /** The mean of all values, a rank-0 tensor; NaN when there are no values. */
    MEAN,
    /** The sum of all values, a rank-0 tensor; 0 when there are no values. */
    SUM,
    /** No reduction: the per-element or per-sample values, in their own shape. */
    NONE;

    /** Applies this reduction to unreduced loss values. */
    public Tensor apply(Tensor values) {
        return switch (this) {
            case MEAN -> values.mean();
            case SUM -> values.sum();
            case NONE -> values;
        };
    }
}
