package org.cortexj.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;

/**
 * Checks recorded gradients against central differences in float64.
 *
 * <p>The checked scalar is L = Σ wᵢ·yᵢ over the outputs y of the function, with fixed uneven
 * weights w, so every output element contributes with its own factor and a gradient that went
 * to the wrong element shows up. The analytic gradient comes from {@code y.backward(w)}; the
 * numeric one perturbs each input element by ±h with h = 1e-6·max(1, |x|).
 */
final class FiniteDifferences {

    private static final double RELATIVE_STEP = 1e-6;

    private FiniteDifferences() {
    }

    /** Asserts that every input's gradient matches central differences within {@code tolerance}. */
    static void assertGradients(String name, Function<Tensor[], Tensor> function, double tolerance,
                                Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            leaves[k] = Tensor.of(inputs[k].toDoubleArray(), inputs[k].shape().dims()).setRequiresGrad(true);
        }
        Tensor output = function.apply(leaves);
        double[] weights = weights(output.size());
        output.backward(Tensor.of(weights, output.shape().dims()));

        for (int k = 0; k < inputs.length; k++) {
            double[] analytic = analyticGradient(name, leaves[k], k);
            double[] numeric = numericGradient(function, inputs, k, weights);
            for (int e = 0; e < numeric.length; e++) {
                double scale = Math.max(1, Math.abs(numeric[e]));
                if (!(Math.abs(analytic[e] - numeric[e]) <= tolerance * scale)) {
                    fail(name + ": input " + k + ", element " + e + ": analytic " + analytic[e] + ", numeric "
                            + numeric[e]);
                }
            }
        }
    }

    /** Asserts with the default tolerance of 1e-6, relative to max(1, |gradient|). */
    static void assertGradients(String name, Function<Tensor[], Tensor> function, Tensor... inputs) {
        assertGradients(name, function, 1e-6, inputs);
    }

    private static double[] analyticGradient(String name, Tensor leaf, int k) {
        Tensor grad = leaf.grad();
        if (grad == null) {
            return new double[leaf.size()];
        }
        assertArrayEquals(leaf.shape().dims(), grad.shape().dims(), name + ": gradient shape of input " + k);
        assertEquals(DataType.FLOAT64, grad.dataType(), name + ": gradient type of input " + k);
        return grad.toDoubleArray();
    }

    private static double[] numericGradient(Function<Tensor[], Tensor> function, Tensor[] inputs, int k,
                                            double[] weights) {
        double[] values = inputs[k].toDoubleArray();
        double[] gradient = new double[values.length];
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (int e = 0; e < values.length; e++) {
                double original = values[e];
                double step = RELATIVE_STEP * Math.max(1, Math.abs(original));
                values[e] = original + step;
                double plus = weightedSum(function, inputs, k, values, weights);
                values[e] = original - step;
                double minus = weightedSum(function, inputs, k, values, weights);
                values[e] = original;
                gradient[e] = (plus - minus) / (2 * step);
            }
        }
        return gradient;
    }

    private static double weightedSum(Function<Tensor[], Tensor> function, Tensor[] inputs, int k, double[] values,
                                      double[] weights) {
        Tensor[] arguments = new Tensor[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            arguments[j] = j == k ? Tensor.of(values, inputs[k].shape().dims())
                    : Tensor.of(inputs[j].toDoubleArray(), inputs[j].shape().dims());
        }
        double[] output = function.apply(arguments).toDoubleArray();
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            sum += weights[i] * output[i];
        }
        return sum;
    }

    /** Returns the weights 0.5, 0.8, 1.1, ..., which repeat after 11 and are never 0. */
    private static double[] weights(int size) {
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            weights[i] = 0.5 + ((i * 3) % 11) * 0.1;
        }
        return weights;
    }

    /** Returns deterministic float64 values in [low, high), spread unevenly so that no two are equal. */
    static Tensor values(double low, double high, int... shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            double fraction = ((i * 0.6180339887498949) % 1.0);
            values[i] = low + (high - low) * fraction;
        }
        return Tensor.of(values, shape);
    }
}
