package org.cortexj.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cortexj.tensor.Tensor;

/**
 * Collects the comparisons of one case run into a {@link CaseResult}.
 *
 * <p>{@link #output}, {@link #grad} and {@link #intermediate} compare a computed tensor with the
 * reference tensor of the same name when the file gives one, and do nothing otherwise, because a
 * case may list fewer outputs than the op produces. {@link #result()} records which reference
 * tensors were never compared.
 */
public final class CaseChecker {

    private final ReferenceCase referenceCase;
    private final Tolerance tolerance;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final Set<String> compared = new LinkedHashSet<>();

    /** Creates a checker that applies {@code tolerance} to every comparison. */
    public CaseChecker(ReferenceCase referenceCase, Tolerance tolerance) {
        this.referenceCase = referenceCase;
        this.tolerance = tolerance;
    }

    /** Creates a checker with the {@link ToleranceTable#defaults() default tolerance} of the case. */
    public static CaseChecker forCase(ReferenceCase referenceCase, Precision precision) {
        Tolerance tolerance = ToleranceTable.defaults().forCase(referenceCase, precision);
        return new CaseChecker(referenceCase, tolerance);
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /** Compares with {@code outputs[name]} if the case gives it. */
    public CaseChecker output(String name, int[] shape, double[] values) {
        return compareIfGiven(referenceCase.outputs(), name, shape, values);
    }

    public CaseChecker output(String name, int[] shape, float[] values) {
        return output(name, shape, widen(values));
    }

    /** Compares a library tensor with {@code outputs[name]} if the case gives it. */
    public CaseChecker output(String name, Tensor got) {
        return output(name, got.shape().dims(), got.toDoubleArray());
    }

    /** Compares with {@code grads[name]} if the case gives it. */
    public CaseChecker grad(String name, int[] shape, double[] values) {
        return compareIfGiven(referenceCase.grads(), name, shape, values);
    }

    public CaseChecker grad(String name, int[] shape, float[] values) {
        return grad(name, shape, widen(values));
    }

    /**
     * Compares a library tensor with {@code grads[name]} if the case gives it.
     *
     * @param got the gradient, such as {@code x.grad()}; {@code null} fails the comparison
     *     when the case gives the gradient, because the library computed none
     */
    public CaseChecker grad(String name, Tensor got) {
        NamedTensors grads = referenceCase.grads();
        if (got == null && grads.contains(name)) {
            return add(Comparison.missing("grads." + name, tolerance, grads.get(name).shape()));
        }
        if (got == null) {
            return this;
        }
        return grad(name, got.shape().dims(), got.toDoubleArray());
    }

    /** Compares with {@code intermediates[name]} if the case gives it. */
    public CaseChecker intermediate(String name, int[] shape, double[] values) {
        return compareIfGiven(referenceCase.intermediates(), name, shape, values);
    }

    public CaseChecker intermediate(String name, int[] shape, float[] values) {
        return intermediate(name, shape, widen(values));
    }

    /** Compares a library tensor with {@code intermediates[name]} if the case gives it. */
    public CaseChecker intermediate(String name, Tensor got) {
        return intermediate(name, got.shape().dims(), got.toDoubleArray());
    }

    /**
     * Compares with any reference tensor, always, under this checker's tolerance.
     *
     * @param label name for the report, such as {@code grads.fc1.weight.row_sums}
     */
    public CaseChecker compare(String label, ReferenceTensor expected, int[] shape, double[] values) {
        return compare(label, expected, shape, values, tolerance);
    }

    /** Like {@link #compare(String, ReferenceTensor, int[], double[])} with another tolerance. */
    public CaseChecker compare(String label, ReferenceTensor expected, int[] shape, double[] values,
            Tolerance specific) {
        comparisons.add(specific.compare(label, expected, shape, values));
        compared.add(label);
        return this;
    }

    /** Adds a comparison made elsewhere, for example with {@link Tolerance#compare}. */
    public CaseChecker add(Comparison comparison) {
        comparisons.add(comparison);
        compared.add(comparison.label());
        return this;
    }

    /** Builds the result, which passed when at least one tensor was compared and all passed. */
    public CaseResult result() {
        return CaseResult.of(comparisons, uncheckedLabels());
    }

    private CaseChecker compareIfGiven(NamedTensors part, String name, int[] shape, double[] values) {
        String label = part.part() + "." + name;
        part.find(name).ifPresent(expected -> compare(label, expected, shape, values));
        return this;
    }

    private List<String> uncheckedLabels() {
        List<String> unchecked = new ArrayList<>();
        for (NamedTensors part : List.of(referenceCase.outputs(), referenceCase.grads(),
                referenceCase.intermediates())) {
            for (String name : part.names()) {
                String label = part.part() + "." + name;
                if (!compared.contains(label)) {
                    unchecked.add(label);
                }
            }
        }
        return unchecked;
    }

    private static double[] widen(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
