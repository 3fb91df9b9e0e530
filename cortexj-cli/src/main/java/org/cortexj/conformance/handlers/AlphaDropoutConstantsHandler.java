package org.cortexj.conformance.handlers;

import org.cortexj.backend.DataType;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceTensor;
import org.cortexj.conformance.Tolerance;
import org.cortexj.nn.functional.Activations;
import org.cortexj.nn.layers.AlphaDropout;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * alpha_dropout_constants: the correction constants of alpha dropout for drop probability
 * attribute {@code p}, from {@link AlphaDropout#constants}. Outputs {@code alpha_prime}, {@code a},
 * {@code b} and {@code dropped_value} are compared with the library's values, and so are
 * {@code pytorch_a}, {@code pytorch_b} and {@code pytorch_dropped_value}, which PyTorch's
 * implementation must match.
 *
 * <p>The {@code empirical.*} outputs are statistics of PyTorch's random draws: the mean and
 * population variance of {@code n} standard-normal inputs and of their alpha dropout outputs, and
 * the fraction dropped. Those draws cannot be reproduced, so the handler runs the library's
 * {@link AlphaDropout} layer in training mode on {@code n} standard-normal samples of its own
 * (fixed seeds) and compares each statistic within an absolute 0.01. For n = 10^6 the difference
 * of two honest samples has a standard deviation of at most about 0.002, while a wrong constant or
 * mask rate moves a statistic by more than 0.01. {@code empirical.n} must equal the number of
 * samples drawn.
 *
 * <p>A case whose attributes give SELU or correction constants other than the library's
 * ({@link #matchesLibraryConstants}) is not supported and is reported as skipped.
 */
public final class AlphaDropoutConstantsHandler implements CaseHandler {

    /** Allowed absolute difference between a statistic of the library's sample and the file's. */
    static final double STATISTIC_TOLERANCE = 0.01;

    /**
     * Relative difference allowed between a constant in the attributes and the library's. Files
     * round to 9 significant digits, a relative error of at most 5e-9.
     */
    private static final double ATTRIBUTE_RTOL = 1e-8;

    private static final int DEFAULT_SAMPLE_COUNT = 1_000_000;
    private static final long INPUT_SEED = 1;
    private static final long MASK_SEED = 2;

    /**
     * Distance within which an output counts as the dropped value. A kept output lands that close
     * only for an input within about 1e-5 of α', which has probability below 2e-6 per sample.
     */
    private static final double DROPPED_MATCH = 1e-5;

    private static final String EMPIRICAL = "empirical.";

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return matchesLibraryConstants(referenceCase.attrs());
    }

    /**
     * Returns whether the constants that the attributes give, if any, equal the library's within
     * the 9-digit rounding of the files: {@code lambda} and {@code alpha} (SELU), and
     * {@code alpha_prime}, {@code a} and {@code b} for drop probability {@code p}.
     */
    static boolean matchesLibraryConstants(Attributes attrs) {
        boolean seluConstantsMatch = matches(attrs, "lambda", Activations.SELU_LAMBDA)
                && matches(attrs, "alpha", Activations.SELU_ALPHA)
                && matches(attrs, "alpha_prime", AlphaDropout.ALPHA_PRIME);
        if (!seluConstantsMatch || !attrs.has("p")) {
            return seluConstantsMatch;
        }
        double p = attrs.doubleValue("p");
        if (!(p >= 0 && p < 1)) {
            return true;
        }
        AlphaDropout.Constants constants = AlphaDropout.constants(p);
        return matches(attrs, "a", constants.a()) && matches(attrs, "b", constants.b());
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        double p = referenceCase.attrs().doubleValue("p");
        AlphaDropout.Constants constants = AlphaDropout.constants(p);
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        compareScalar(checker, "alpha_prime", AlphaDropout.ALPHA_PRIME);
        compareScalar(checker, "a", constants.a());
        compareScalar(checker, "b", constants.b());
        compareScalar(checker, "dropped_value", constants.droppedValue());
        compareScalar(checker, "pytorch_a", constants.a());
        compareScalar(checker, "pytorch_b", constants.b());
        compareScalar(checker, "pytorch_dropped_value", constants.droppedValue());
        if (hasEmpiricalStatistics(referenceCase)) {
            compareEmpirical(referenceCase, precision, p, checker);
        }
        return checker.result();
    }

    /** Mean and population variance of the inputs and outputs of one alpha dropout sample. */
    record SampleStatistics(int count, double inputMean, double inputVariance, double outputMean,
            double outputVariance, double droppedFraction) {
    }

    /**
     * Runs the library's {@link AlphaDropout} layer, in training mode, on {@code count}
     * standard-normal values of {@code dataType} and measures the result.
     */
    static SampleStatistics measure(double p, int count, DataType dataType) {
        Tensor input = Tensor.normal(new Generator(INPUT_SEED), 0, 1, dataType, count);
        Tensor output = new AlphaDropout(p, new Generator(MASK_SEED)).forward(input);
        double[] inputs = input.toDoubleArray();
        double[] outputs = output.toDoubleArray();

        double droppedValue = AlphaDropout.constants(p).droppedValue();
        int dropped = 0;
        for (double value : outputs) {
            if (Math.abs(value - droppedValue) <= DROPPED_MATCH) {
                dropped++;
            }
        }
        return new SampleStatistics(outputs.length, mean(inputs), populationVariance(inputs), mean(outputs),
                populationVariance(outputs), dropped / (double) outputs.length);
    }

    private static void compareEmpirical(ReferenceCase referenceCase, Precision precision, double p,
            CaseChecker checker) {
        int count = referenceCase.outputs().find(EMPIRICAL + "n")
                .map(n -> n.toIntArray()[0])
                .orElse(DEFAULT_SAMPLE_COUNT);
        SampleStatistics sample = measure(p, count, precision.dataType());
        checker.output(EMPIRICAL + "n", new int[0], new double[] {sample.count()});
        compareStatistic(referenceCase, checker, "input_mean", sample.inputMean());
        compareStatistic(referenceCase, checker, "input_var", sample.inputVariance());
        compareStatistic(referenceCase, checker, "output_mean", sample.outputMean());
        compareStatistic(referenceCase, checker, "output_var", sample.outputVariance());
        compareStatistic(referenceCase, checker, "dropped_fraction", sample.droppedFraction());
    }

    /**
     * Compares one statistic within {@link #STATISTIC_TOLERANCE}. {@link Tolerance} scales atol by
     * the largest |expected| of the tensor, so the value is compared as the pair
     * {@code [value, 1]}. The scale is then at least 1, and the allowed error is 0.01, or
     * 0.01·|expected| for a statistic above 1 such as a variance of 1.003.
     */
    private static void compareStatistic(ReferenceCase referenceCase, CaseChecker checker, String name,
            double got) {
        referenceCase.outputs().find(EMPIRICAL + name).ifPresent(expected -> {
            ReferenceTensor anchored = ReferenceTensor.of(new int[] {2}, expected.scalarValue(), 1);
            checker.compare("outputs." + EMPIRICAL + name, anchored, new int[] {2}, new double[] {got, 1},
                    new Tolerance(0, STATISTIC_TOLERANCE));
        });
    }

    private static void compareScalar(CaseChecker checker, String name, double value) {
        checker.output(name, new int[0], new double[] {value});
    }

    private static boolean hasEmpiricalStatistics(ReferenceCase referenceCase) {
        return referenceCase.outputs().names().stream().anyMatch(name -> name.startsWith(EMPIRICAL));
    }

    private static boolean matches(Attributes attrs, String name, double expected) {
        if (!attrs.has(name)) {
            return true;
        }
        return Math.abs(attrs.doubleValue(name) - expected) <= ATTRIBUTE_RTOL * Math.abs(expected);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double populationVariance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            double deviation = value - mean;
            sum += deviation * deviation;
        }
        return sum / values.length;
    }
}
