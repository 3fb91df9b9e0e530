package org.cortexj.conformance.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.tensor.Tensor;

/** matmul and batched_matmul through {@link Tensor#matmul}, and linear as x·Wᵀ + b. */
public final class MatmulHandler implements CaseHandler {

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        if (referenceCase.op().equals("linear")) {
            return runLinear(referenceCase, precision, checker);
        }
        Tensor a = Gradients.leaf(referenceCase, "a", precision);
        Tensor b = Gradients.leaf(referenceCase, "b", precision);
        Tensor y = a.matmul(b);
        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("a", a, "b", b), checker);
        return checker.result();
    }

    private static CaseResult runLinear(ReferenceCase referenceCase, Precision precision, CaseChecker checker) {
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor weight = referenceCase.params().get("weight").toTensor(precision).setRequiresGrad(true);
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        leaves.put("x", x);
        leaves.put("weight", weight);
        Tensor y = x.matmul(weight.transpose(0, 1));
        if (referenceCase.params().contains("bias")) {
            Tensor bias = referenceCase.params().get("bias").toTensor(precision).setRequiresGrad(true);
            leaves.put("bias", bias);
            y = y.add(bias);
        }
        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, leaves, checker);
        return checker.result();
    }
}
