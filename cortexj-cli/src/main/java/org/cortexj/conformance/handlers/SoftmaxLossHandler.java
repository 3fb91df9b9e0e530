package org.cortexj.conformance.handlers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.loss.L1Loss;
import org.cortexj.loss.Loss;
import org.cortexj.loss.MeanSquaredError;
import org.cortexj.loss.Reduction;
import org.cortexj.nn.functional.Softmax;
import org.cortexj.tensor.Tensor;

/** softmax and log_softmax over an axis, and the cross-entropy, MSE and L1 losses. */
public final class SoftmaxLossHandler implements CaseHandler {

    public static final String[] OPS = {"softmax", "log_softmax", "cross_entropy", "mse_loss", "l1_loss"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        String op = referenceCase.op();
        if (op.equals("softmax") || op.equals("log_softmax")) {
            Tensor x = Gradients.leaf(referenceCase, "x", precision);
            int axis = referenceCase.attrs().intValue("axis", -1);
            Tensor y = op.equals("softmax") ? Softmax.softmax(x, axis) : Softmax.logSoftmax(x, axis);
            checker.output("y", y);
            Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
            return checker.result();
        }
        Reduction reduction = Reduction.valueOf(referenceCase.attrs().string("reduction", "mean")
                .toUpperCase(Locale.ROOT));
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        Tensor y;
        if (op.equals("cross_entropy")) {
            Tensor logits = Gradients.leaf(referenceCase, "logits", precision);
            Tensor labels = referenceCase.inputs().get("labels").toTensor(precision);
            leaves.put("logits", logits);
            y = new CrossEntropyLoss(reduction).forward(logits, labels);
        } else {
            Tensor prediction = Gradients.leaf(referenceCase, "pred", precision);
            Tensor target = Gradients.leaf(referenceCase, "target", precision);
            leaves.put("pred", prediction);
            leaves.put("target", target);
            Loss loss = op.equals("mse_loss") ? new MeanSquaredError(reduction) : new L1Loss(reduction);
            y = loss.forward(prediction, target);
        }
        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, leaves, checker);
        return checker.result();
    }
}
