package org.cortexj.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Compares the gradients that autograd derives with central finite differences, in float64.
 *
 * <p>The function under test takes a list of tensors and returns one tensor. It is reduced to
 * a scalar L = Σ output·w with fixed random weights w in [−1, 1), drawn from
 * {@link Options#seed()}, so every output element contributes to the check. Then:
 * <ol>
 *   <li>every float input is copied to float64 and marked as requiring gradients, and
 *       {@code backward()} on L gives the analytic gradient;</li>
 *   <li>each element of each float input is moved by ±ε, and (L(x + ε) − L(x − ε)) / 2ε is
 *       its numeric gradient;</li>
 *   <li>an element passes when |analytic − numeric| ≤ atol + rtol·|numeric|.</li>
 * </ol>
 * Integer inputs such as labels are passed through unchanged and not perturbed. The function
 * runs 1 + 2·(number of float elements) times, so keep the inputs small.
 *
 * <pre>{@code
 * GradientCheck.assertClose("selu", in -> Activations.selu(in.get(0)), List.of(x));
 * }</pre>
 *
 * <p>Inputs must stay at least ε away from kinks (such as 0 for relu), where the one-sided
 * slopes differ and no finite difference matches the chosen derivative.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Settings of a check.
     *
     * @param epsilon absolute step ε added to and subtracted from each element, &gt; 0
     * @param relativeTolerance rtol, scaled by |numeric|, &gt;= 0
     * @param absoluteTolerance atol, &gt;= 0
     * @param seed seed of the random output weights
     */
    public record Options(double epsilon, double relativeTolerance, double absoluteTolerance, long seed) {

        /** ε = 1e-6, rtol = 1e-5, atol = 1e-6, seed 1. */
        public static final Options DEFAULT = new Options(1e-6, 1e-5, 1e-6, 1);

        public Options {
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("GradientCheck: epsilon must be finite and > 0, got " + epsilon);
            }
            if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) {
                throw new IllegalArgumentException("GradientCheck: tolerances must be >= 0, got rtol "
                        + relativeTolerance + " and atol " + absoluteTolerance);
            }
        }

        public Options withTolerances(double relative, double absolute) {
            return new Options(epsilon, relative, absolute, seed);
        }

        public Options withEpsilon(double value) {
            return new Options(value, relativeTolerance, absoluteTolerance, seed);
        }
    }

    /**
     * Outcome of a check, described by its worst element: the one whose error exceeds its
     * tolerance by the largest factor (or, if all pass, comes closest to it).
     *
     * @param passed whether every element is within tolerance
     * @param inputIndex position of the worst element's tensor in the input list, −1 if no
     *     float element was checked
     * @param elementIndex multi-index of the worst element within that tensor
     * @param analytic gradient from autograd at that element
     * @param numeric central finite difference at that element
     * @param absoluteError |analytic − numeric|
     * @param relativeError |analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0
     * @param elementsChecked number of float input elements compared
     * @param options the settings used
     */
    public record Result(boolean passed, int inputIndex, int[] elementIndex, double analytic, double numeric,
                         double absoluteError, double relativeError, int elementsChecked, Options options) {

        /** A one-line summary naming the function, the worst element and both gradient values. */
        public String describe(String functionName) {
            if (inputIndex < 0) {
                return functionName + ": no float input elements to check";
            }
            String verdict = passed ? "gradients match" : "analytic and numeric gradients differ";
            return functionName + ": " + verdict + "; worst element is input " + inputIndex + " index "
                    + Arrays.toString(elementIndex) + ": analytic " + analytic + ", numeric " + numeric
                    + ", abs error " + absoluteError + ", rel error " + relativeError + " (rtol "
                    + options.relativeTolerance() + ", atol " + options.absoluteTolerance() + ", epsilon "
                    + options.epsilon() + ", " + elementsChecked + " elements checked)";
        }
    }

    /** Runs a check with {@link Options#DEFAULT}. */
    public static Result check(Function<List<Tensor>, Tensor> function, List<Tensor> inputs) {
        return check(function, inputs, Options.DEFAULT);
    }

    /**
     * Compares analytic and numeric gradients of {@code function} at {@code inputs}.
     *
     * @throws IllegalArgumentException if the function does not return a float64 tensor, or its
     *     output shape changes when an input is perturbed
     */
    public static Result check(Function<List<Tensor>, Tensor> function, List<Tensor> inputs, Options options) {
        List<Tensor> leaves = toFloat64Leaves(inputs);
        Tensor output = function.apply(leaves);
        requireFloat64(output);
        Tensor weights = Tensor.uniform(new Generator(options.seed()), -1, 1, DataType.FLOAT64,
                output.shape().dims());
        List<double[]> analytic = analyticGradients(output, weights, leaves);

        Worst worst = new Worst(options);
        for (int k = 0; k < leaves.size(); k++) {
            if (!leaves.get(k).dataType().isFloatingPoint()) {
                continue;
            }
            double[] numeric = numericGradient(function, leaves, k, weights, options.epsilon());
            for (int i = 0; i < numeric.length; i++) {
                worst.offer(k, i, analytic.get(k)[i], numeric[i]);
            }
        }
        return worst.toResult(leaves);
    }

    /** Runs a check with {@link Options#DEFAULT} and throws if it fails. */
    public static Result assertClose(String functionName, Function<List<Tensor>, Tensor> function,
                                     List<Tensor> inputs) {
        return assertClose(functionName, function, inputs, Options.DEFAULT);
    }

    /**
     * Runs a check and throws if any element is out of tolerance.
     *
     * @throws AssertionError with {@link Result#describe} as its message, if the check fails
     */
    public static Result assertClose(String functionName, Function<List<Tensor>, Tensor> function,
                                     List<Tensor> inputs, Options options) {
        Result result = check(function, inputs, options);
        if (!result.passed()) {
            throw new AssertionError(result.describe(functionName));
        }
        return result;
    }

    private static List<Tensor> toFloat64Leaves(List<Tensor> inputs) {
        List<Tensor> leaves = new ArrayList<>(inputs.size());
        for (Tensor input : inputs) {
            if (input.dataType().isFloatingPoint()) {
                leaves.add(Tensor.of(input.toDoubleArray(), input.shape().dims()).setRequiresGrad(true));
            } else {
                leaves.add(input);
            }
        }
        return leaves;
    }

    private static void requireFloat64(Tensor output) {
        if (output.dataType() != DataType.FLOAT64) {
            throw new IllegalArgumentException("GradientCheck: the function returned " + output.dataType()
                    + " of shape " + output.shape() + "; it must compute in the float64 inputs it receives, "
                    + "because finite differences in float32 are too coarse to compare");
        }
    }

    /** dL/dx for every input, as row-major arrays; zeros for inputs L does not depend on. */
    private static List<double[]> analyticGradients(Tensor output, Tensor weights, List<Tensor> leaves) {
        Tensor scalar = output.mul(weights).sum();
        if (scalar.requiresGrad()) {
            scalar.backward();
        }
        List<double[]> gradients = new ArrayList<>(leaves.size());
        for (Tensor leaf : leaves) {
            Tensor grad = leaf.grad();
            gradients.add(grad == null ? new double[leaf.size()] : grad.toDoubleArray());
        }
        return gradients;
    }

    private static double[] numericGradient(Function<List<Tensor>, Tensor> function, List<Tensor> leaves, int k,
                                            Tensor weights, double epsilon) {
        Tensor input = leaves.get(k);
        double[] values = input.toDoubleArray();
        double[] gradient = new double[values.length];
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (int i = 0; i < values.length; i++) {
                double original = values[i];
                values[i] = original + epsilon;
                double plus = weightedSum(function, leaves, k, values, weights);
                values[i] = original - epsilon;
                double minus = weightedSum(function, leaves, k, values, weights);
                values[i] = original;
                gradient[i] = (plus - minus) / (2 * epsilon);
            }
        }
        return gradient;
    }

    /** L with input k replaced by {@code values}. */
    private static double weightedSum(Function<List<Tensor>, Tensor> function, List<Tensor> leaves, int k,
                                      double[] values, Tensor weights) {
        List<Tensor> perturbed = new ArrayList<>(leaves);
        perturbed.set(k, Tensor.of(values, leaves.get(k).shape().dims()));
        Tensor output = function.apply(perturbed);
        if (!output.shape().equals(weights.shape())) {
            throw new IllegalArgumentException("GradientCheck: output shape changed from " + weights.shape()
                    + " to " + output.shape() + " when input " + k + " was perturbed");
        }
        requireFloat64(output);
        return output.mul(weights).sum().item();
    }

    /** Tracks the element whose error is largest relative to its tolerance. */
    private static final class Worst {
        private final Options options;
        private double worstRatio = -1;
        private int input = -1;
        private int flatIndex;
        private double analytic;
        private double numeric;
        private int count;
        private boolean failed;

        Worst(Options options) {
            this.options = options;
        }

        void offer(int k, int i, double analyticValue, double numericValue) {
            count++;
            double error = Math.abs(analyticValue - numericValue);
            double tolerance = options.absoluteTolerance() + options.relativeTolerance() * Math.abs(numericValue);
            // NaN on either side fails the element; 0/0 with zero tolerance is an exact match.
            boolean bad = Double.isNaN(error) || error > tolerance;
            double ratio = Double.isNaN(error) ? Double.POSITIVE_INFINITY : (error == 0 ? 0 : error / tolerance);
            failed |= bad;
            if (ratio > worstRatio) {
                worstRatio = ratio;
                input = k;
                flatIndex = i;
                analytic = analyticValue;
                numeric = numericValue;
            }
        }

        Result toResult(List<Tensor> leaves) {
            if (input < 0) {
                return new Result(true, -1, new int[0], 0, 0, 0, 0, 0, options);
            }
            double error = Math.abs(analytic - numeric);
            double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
            double relative = error == 0 ? 0 : error / scale;
            int[] index = multiIndex(flatIndex, leaves.get(input).shape().dims());
            return new Result(!failed, input, index, analytic, numeric, error, relative, count, options);
        }
    }

    private static int[] multiIndex(int flatIndex, int[] dims) {
        int[] index = new int[dims.length];
        int remainder = flatIndex;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            index[axis] = remainder % dims[axis];
            remainder /= dims[axis];
        }
        return index;
    }
}
