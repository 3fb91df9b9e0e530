package org.cortexj.conformance.handlers;

import java.util.Map;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.tensor.Tensor;

/**
 * reduce_sum, reduce_mean, reduce_max, reduce_min and reduce_var over the axes in attribute
 * {@code axis} (an integer, a list, or "all") with {@code keepdim}. For max and min the
 * {@code indices} output (one axis) or {@code flat_index} (all axes) is checked too.
 */
public final class ReductionHandler implements CaseHandler {

    public static final String[] OPS = {"reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_var"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        int[] axes = referenceCase.attrs().axes("axis", x.rank());
        boolean keepDims = referenceCase.attrs().bool("keepdim", false);
        Tensor y = switch (referenceCase.op()) {
            case "reduce_sum" -> x.sum(axes, keepDims);
            case "reduce_mean" -> x.mean(axes, keepDims);
            case "reduce_max" -> x.max(axes, keepDims);
            case "reduce_min" -> x.min(axes, keepDims);
            case "reduce_var" -> x.variance(axes, keepDims, referenceCase.attrs().intValue("correction", 1));
            default -> throw new IllegalArgumentException("unsupported reduction " + referenceCase.op());
        };
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision).output("y", y);
        boolean maximum = referenceCase.op().equals("reduce_max");
        if (maximum || referenceCase.op().equals("reduce_min")) {
            if (axes.length == 1 && referenceCase.outputs().contains("indices")) {
                Tensor indices = maximum ? x.argmax(axes[0], keepDims) : x.argmin(axes[0], keepDims);
                checker.output("indices", indices);
            }
            if (axes.length == x.rank() && referenceCase.outputs().contains("flat_index")) {
                checker.output("flat_index", maximum ? x.argmax() : x.argmin());
            }
        }
        Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
        return checker.result();
    }
}
