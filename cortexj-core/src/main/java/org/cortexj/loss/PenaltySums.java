package org.cortexj.loss;

import java.util.List;
import java.util.function.UnaryOperator;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/** Sums an elementwise term over every element of a list of tensors, for the weight penalties. */
final class PenaltySums {

    private PenaltySums() {
    }

    static double requireCoefficient(String penalty, double coefficient) {
        if (!Double.isFinite(coefficient) || coefficient < 0) {
            throw new IllegalArgumentException(penalty + ": coefficient must be finite and >= 0, got " + coefficient);
        }
        return coefficient;
    }

    /** Returns coefficient · Σ_tensors Σ_elements term(w). */
    static Tensor sum(String penalty, double coefficient, List<Tensor> tensors, UnaryOperator<Tensor> term) {
        if (tensors.isEmpty()) {
            return Tensor.scalar(0, DataType.FLOAT32);
        }
        DataType dataType = tensors.get(0).dataType();
        Tensor total = null;
        for (int index = 0; index < tensors.size(); index++) {
            Tensor tensor = tensors.get(index);
            check(penalty, index, tensor, dataType);
            Tensor part = term.apply(tensor).sum();
            total = total == null ? part : total.add(part);
        }
        return total.mul(coefficient);
    }

    private static void check(String penalty, int index, Tensor tensor, DataType expected) {
        LossChecks.requireFloat(penalty, "tensor " + index, tensor);
        if (tensor.dataType() != expected) {
            throw new IllegalArgumentException(penalty + ": tensor " + index + " is " + tensor.dataType()
                    + " but tensor 0 is " + expected + "; all tensors must have one data type");
        }
    }
}
