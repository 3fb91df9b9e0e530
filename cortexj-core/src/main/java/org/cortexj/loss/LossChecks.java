package org.cortexj.loss;

import java.util.Objects;
import org.cortexj.tensor.Tensor;

/** Argument checks shared by the losses, with messages that name both operands. */
final class LossChecks {

    private LossChecks() {
    }

    static Reduction requireReduction(String loss, Reduction reduction) {
        return Objects.requireNonNull(reduction, () -> loss + ": reduction must not be null; use Reduction.MEAN, "
                + "SUM or NONE");
    }

    /** Rejects a prediction and target that differ in shape or type; elementwise losses compare them 1:1. */
    static void requireSameShape(String loss, Tensor prediction, Tensor target) {
        if (!prediction.shape().equals(target.shape())) {
            throw new IllegalArgumentException(loss + ": prediction shape " + prediction.shape()
                    + " and target shape " + target.shape() + " differ; the contract is prediction and target of "
                    + "the same shape, and they are never broadcast against each other");
        }
        requireFloat(loss, "prediction", prediction);
        if (prediction.dataType() != target.dataType()) {
            throw new IllegalArgumentException(loss + ": prediction type " + prediction.dataType()
                    + " and target type " + target.dataType() + " differ; convert the target with toType(DataType."
                    + prediction.dataType().name() + ")");
        }
    }

    static void requireFloat(String loss, String role, Tensor tensor) {
        if (!tensor.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(loss + ": " + role + " must be float32 or float64, got "
                    + tensor.dataType() + " of shape " + tensor.shape());
        }
    }
}
