package org.cortexj.conformance.handlers;

import java.util.Map;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/** Activation functions through {@link Activations}, with their attributes. */
public final class ActivationHandler implements CaseHandler {

    public static final String[] OPS = {"selu", "relu", "elu", "sigmoid", "tanh", "softplus", "silu", "gelu",
        "leaky_relu"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return !referenceCase.op().equals("gelu") || referenceCase.attrs().string("approximate", "none")
                .matches("none|tanh");
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor y = apply(referenceCase.op(), referenceCase.attrs(), x);
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision).output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
        return checker.result();
    }

    private static Tensor apply(String op, Attributes attrs, Tensor x) {
        return switch (op) {
            case "selu" -> selu(attrs, x);
            case "relu" -> Activations.relu(x);
            case "elu" -> Activations.elu(x, attrs.doubleValue("alpha", 1.0));
            case "sigmoid" -> Activations.sigmoid(x);
            case "tanh" -> Activations.tanh(x);
            case "softplus" -> Activations.softplus(x, attrs.doubleValue("beta", 1.0),
                    attrs.doubleValue("threshold", 20.0));
            case "silu" -> Activations.silu(x);
            case "gelu" -> attrs.string("approximate", "none").equals("tanh") ? Activations.geluTanh(x)
                    : Activations.gelu(x);
            case "leaky_relu" -> Activations.leakyRelu(x, attrs.doubleValue("negative_slope", 0.01));
            default -> throw new IllegalArgumentException("unsupported activation " + op);
        };
    }

    /**
     * SELU with the standard constants, which the files round to 9 digits; other constants
     * (differing by more than that rounding) give the same formula with those values.
     */
    private static Tensor selu(Attributes attrs, Tensor x) {
        double lambda = attrs.doubleValue("lambda", Activations.SELU_LAMBDA);
        double alpha = attrs.doubleValue("alpha", Activations.SELU_ALPHA);
        if (Math.abs(lambda - Activations.SELU_LAMBDA) <= 1e-8 && Math.abs(alpha - Activations.SELU_ALPHA) <= 1e-8) {
            return Activations.selu(x);
        }
        return Tensor.where(x.gt(0), x, x.expm1().mul(alpha)).mul(lambda);
    }
}
