package org.cortexj.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Test handler for an op {@code negate}: y = -x, grads.x = -dy, computed with plain loops. It
 * records the precisions it ran at, and rounds through {@code float} at float32.
 */
final class NegateHandler implements CaseHandler {

    final List<Precision> precisionsRun = new ArrayList<>();

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return !referenceCase.attrs().bool("unsupported", false);
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        precisionsRun.add(precision);
        ReferenceTensor x = referenceCase.inputs().get("x");
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        checker.output("y", x.shape(), negate(x.data(), precision));
        referenceCase.dy().ifPresent(dy -> checker.grad("x", dy.shape(), negate(dy.data(), precision)));
        return checker.result();
    }

    private static double[] negate(double[] values, Precision precision) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = precision == Precision.FLOAT32 ? -(float) values[i] : -values[i];
        }
        return result;
    }
}
