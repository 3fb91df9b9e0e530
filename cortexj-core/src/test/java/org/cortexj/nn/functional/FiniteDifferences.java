package org.cortexj.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Function;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Gradient check by central finite differences in float64. For {@code L = Σ f(inputs) · dy}
 * with a random {@code dy}, every element of every input is moved by ±h and
 * {@code (L(+h) − L(−h)) / 2h} is compared with the gradient from {@code backward(dy)}.
 */
public final class FiniteDifferences {

    /** Step of the central difference. */
    public static final double STEP = 1e-6;

    /** Allowed difference: {@code ABSOLUTE + RELATIVE · |analytic|}. */
    public static final double ABSOLUTE = 1e-6;
    public static final double RELATIVE = 1e-5;

    private FiniteDifferences() {
    }

    /**
     * Checks the gradient of {@code function} with respect to every input.
     *
     * @param op name for failure messages
     * @param function maps fresh float64 input tensors to one output tensor
     * @param inputs float64 values of the inputs; they are copied, never changed
     */
    public static void check(String op, Function<Tensor[], Tensor> function, Tensor... inputs) {
        double[][] values = new double[inputs.length][];
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            values[i] = inputs[i].toDoubleArray();
            shapes[i] = inputs[i].shape().dims();
        }
        Tensor[] leaves = leaves(values, shapes, true);
        Tensor y = function.apply(leaves);
        Tensor dy = Tensor.normal(new Generator(99), 0, 1, DataType.FLOAT64, y.shape().dims());
        y.backward(dy);

        for (int i = 0; i < inputs.length; i++) {
            assertNotNull(leaves[i].grad(), op + ": input " + i + " received no gradient");
            double[] analytic = leaves[i].grad().toDoubleArray();
            for (int element = 0; element < values[i].length; element++) {
                double numeric = numericDerivative(function, values, shapes, dy, i, element);
                double tolerance = ABSOLUTE + RELATIVE * Math.abs(analytic[element]);
                assertEquals(numeric, analytic[element], tolerance, op + ": d(sum(y*dy))/d(input " + i
                        + ")[" + element + "], numeric " + numeric + ", analytic " + analytic[element]);
            }
        }
    }

    private static double numericDerivative(Function<Tensor[], Tensor> function, double[][] values,
            int[][] shapes, Tensor dy, int input, int element) {
        double original = values[input][element];
        try (GradMode.Scope ignored = GradMode.disable()) {
            values[input][element] = original + STEP;
            double plus = weightedSum(function.apply(leaves(values, shapes, false)), dy);
            values[input][element] = original - STEP;
            double minus = weightedSum(function.apply(leaves(values, shapes, false)), dy);
            return (plus - minus) / (2 * STEP);
        } finally {
            values[input][element] = original;
        }
    }

    private static double weightedSum(Tensor y, Tensor dy) {
        double[] output = y.toDoubleArray();
        double[] weights = dy.toDoubleArray();
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            sum += output[i] * weights[i];
        }
        return sum;
    }

    private static Tensor[] leaves(double[][] values, int[][] shapes, boolean requiresGrad) {
        Tensor[] tensors = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            tensors[i] = Tensor.of(values[i].clone(), shapes[i]).setRequiresGrad(requiresGrad);
        }
        return tensors;
    }

    /** Returns standard-normal float64 values from {@code seed}. */
    public static Tensor randomNormal(long seed, int... shape) {
        return Tensor.normal(new Generator(seed), 0, 1, DataType.FLOAT64, shape);
    }
}
