package org.cortexj.conformance.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.functional.Normalization;
import org.cortexj.nn.layers.BatchNorm;
import org.cortexj.nn.layers.BatchNorm1d;
import org.cortexj.nn.layers.BatchNorm2d;
import org.cortexj.tensor.Tensor;

/**
 * batchnorm through the {@link BatchNorm1d} and {@link BatchNorm2d} layers: outputs {@code y},
 * {@code batch_mean}, {@code batch_var_biased}, {@code running_mean_new} and
 * {@code running_var_new}, and the gradients of x, weight and bias.
 *
 * <p>Attributes, with PyTorch's defaults when absent: {@code kind} ({@code "BatchNorm1d"} or
 * {@code "BatchNorm2d"}, else chosen by the rank of x), {@code training} (true), {@code eps}
 * (1e-5), {@code momentum} (0.1), {@code axis} (1, or -1 for [N, C]) and
 * {@code track_running_stats} (true). When {@code track_running_stats} is false, both modes
 * normalize with the batch statistics, as PyTorch does. Inputs
 * {@code running_mean} and {@code running_var} default to 0 and 1, and a case without
 * {@code weight} or {@code bias} parameters runs without the affine step. Other kinds, another
 * channel axis, and {@code momentum: null} (PyTorch's cumulative average) are not supported and
 * are reported as skipped.
 */
public final class BatchNormHandler implements CaseHandler {

    private static final String KIND_1D = "BatchNorm1d";
    private static final String KIND_2D = "BatchNorm2d";

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        Attributes attrs = referenceCase.attrs();
        boolean cumulativeAverage = attrs.names().contains("momentum") && !attrs.has("momentum");
        if (cumulativeAverage || channelAxis(referenceCase) != 1) {
            return false;
        }
        String kind = attrs.string("kind", "");
        return kind.isEmpty() || kind.equals(KIND_1D) || kind.equals(KIND_2D);
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Attributes attrs = referenceCase.attrs();
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor weight = optionalParameter(referenceCase, "weight", precision);
        Tensor bias = optionalParameter(referenceCase, "bias", precision);
        double eps = attrs.doubleValue("eps", BatchNorm.DEFAULT_EPS);
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        leaves.put("x", x);

        Tensor y;
        if (attrs.bool("track_running_stats", true)) {
            BatchNorm layer = createLayer(referenceCase, precision, x.rank(), weight, bias, eps);
            if (!attrs.bool("training", true)) {
                layer.eval();
            }
            y = layer.forward(x);
            checker.output("running_mean_new", layer.runningMean());
            checker.output("running_var_new", layer.runningVar());
            for (Map.Entry<String, Parameter> parameter : layer.namedParameters().entrySet()) {
                leaves.put(parameter.getKey(), parameter.getValue().value());
            }
        } else {
            Normalization.Statistics batch = Normalization.batchStatistics(x);
            y = Normalization.batchNorm(x, batch.mean(), batch.variance(), weight, bias, eps);
            putIfPresent(leaves, "weight", weight);
            putIfPresent(leaves, "bias", bias);
        }

        checker.output("y", y);
        compareBatchStatistics(referenceCase, x, checker);
        Gradients.checkGradients(referenceCase, precision, y, leaves, checker);
        return checker.result();
    }

    /** Returns attribute {@code axis} (default 1), counted from the front when negative. */
    private static int channelAxis(ReferenceCase referenceCase) {
        int axis = referenceCase.attrs().intValue("axis", 1);
        return axis < 0 ? axis + referenceCase.inputs().get("x").rank() : axis;
    }

    /** Builds the layer of the case's kind with its running statistics, eps and momentum. */
    private static BatchNorm createLayer(ReferenceCase referenceCase, Precision precision, int rank, Tensor weight,
            Tensor bias, double eps) {
        Attributes attrs = referenceCase.attrs();
        double momentum = attrs.doubleValue("momentum", BatchNorm.DEFAULT_MOMENTUM);
        int channels = referenceCase.inputs().get("x").shape()[1];
        // toTensor copies the reference values, so the in-place update leaves the case unchanged.
        Tensor runningMean = referenceCase.inputs().find("running_mean")
                .map(tensor -> tensor.toTensor(precision))
                .orElseGet(() -> Tensor.full(0, precision.dataType(), channels));
        Tensor runningVar = referenceCase.inputs().find("running_var")
                .map(tensor -> tensor.toTensor(precision))
                .orElseGet(() -> Tensor.full(1, precision.dataType(), channels));
        String kind = attrs.string("kind", rank == 4 ? KIND_2D : KIND_1D);
        if (kind.equals(KIND_2D)) {
            return new BatchNorm2d(weight, bias, runningMean, runningVar, eps, momentum);
        }
        return new BatchNorm1d(weight, bias, runningMean, runningVar, eps, momentum);
    }

    /** Compares {@code batch_mean} and {@code batch_var_biased} when the case gives them. */
    private static void compareBatchStatistics(ReferenceCase referenceCase, Tensor x, CaseChecker checker) {
        boolean listed = referenceCase.outputs().contains("batch_mean")
                || referenceCase.outputs().contains("batch_var_biased");
        if (!listed) {
            return;
        }
        try (GradMode.Scope ignored = GradMode.disable()) {
            Normalization.Statistics batch = Normalization.batchStatistics(x.detach());
            checker.output("batch_mean", batch.mean());
            checker.output("batch_var_biased", batch.variance());
        }
    }

    private static Tensor optionalParameter(ReferenceCase referenceCase, String name, Precision precision) {
        return referenceCase.params().find(name)
                .map(tensor -> tensor.toTensor(precision).setRequiresGrad(true))
                .orElse(null);
    }

    private static void putIfPresent(Map<String, Tensor> leaves, String name, Tensor value) {
        if (value != null) {
            leaves.put(name, value);
        }
    }
}
