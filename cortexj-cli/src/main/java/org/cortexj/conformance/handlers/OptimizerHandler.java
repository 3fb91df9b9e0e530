package org.cortexj.conformance.handlers;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceTensor;
import org.cortexj.nn.Parameter;
import org.cortexj.optim.AdaDelta;
import org.cortexj.optim.Adam;
import org.cortexj.optim.AdamBuilder;
import org.cortexj.optim.AdamW;
import org.cortexj.optim.AbstractAdam;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.ParameterState;
import org.cortexj.optim.SGD;
import org.cortexj.tensor.Tensor;

/**
 * optimizer_adam, optimizer_adamw, optimizer_sgd and optimizer_adadelta: T steps from
 * {@code param_0} with gradients {@code grad_1..grad_T}; after step t the parameter and every
 * state tensor named {@code NAME_t} in the outputs are compared.
 */
public final class OptimizerHandler implements CaseHandler {

    public static final String[] OPS = {"optimizer_adam", "optimizer_adamw", "optimizer_sgd", "optimizer_adadelta"};

    private static final String PARAMETER = "param";
    private static final Pattern OUTPUT = Pattern.compile("(.+)_(\\d+)");

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Parameter parameter = new Parameter(PARAMETER, referenceCase.inputs().get("param_0").toTensor(precision));
        Optimizer optimizer = build(referenceCase.op(), referenceCase.attrs(), Map.of(PARAMETER, parameter));
        int steps = referenceCase.attrs().intValue("steps");
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        for (int t = 1; t <= steps; t++) {
            Tensor gradient = referenceCase.inputs().get("grad_" + t).toTensor(precision);
            parameter.value().setGrad(gradient);
            optimizer.step();
            compareStep(referenceCase, t, parameter, optimizer, checker);
        }
        return checker.result();
    }

    private static void compareStep(ReferenceCase referenceCase, int step, Parameter parameter, Optimizer optimizer,
                                    CaseChecker checker) {
        ParameterState state = optimizer.state().parameters().get(PARAMETER);
        for (String name : referenceCase.outputs().names()) {
            Matcher matcher = OUTPUT.matcher(name);
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) != step) {
                continue;
            }
            String key = matcher.group(1);
            Tensor actual = key.equals(PARAMETER) ? parameter.value() : state == null ? null : state.tensor(key);
            ReferenceTensor expected = referenceCase.outputs().get(name);
            if (actual == null) {
                throw new IllegalStateException("optimizer state has no tensor '" + key + "' for output " + name);
            }
            checker.compare(name, expected, actual.shape().dims(), actual.toDoubleArray());
        }
    }

    private static Optimizer build(String op, Attributes attrs, Map<String, Parameter> parameters) {
        return switch (op) {
            case "optimizer_adam" -> adam(Adam.builder(), attrs).build(parameters);
            case "optimizer_adamw" -> adam(AdamW.builder(), attrs).build(parameters);
            case "optimizer_sgd" -> sgd(attrs).build(parameters);
            case "optimizer_adadelta" -> adaDelta(attrs).build(parameters);
            default -> throw new IllegalArgumentException("unsupported optimizer " + op);
        };
    }

    private static <T extends AbstractAdam> AdamBuilder<T> adam(AdamBuilder<T> builder, Attributes attrs) {
        if (attrs.has("lr")) {
            builder.learningRate(attrs.doubleValue("lr"));
        }
        if (attrs.has("betas")) {
            double[] betas = attrs.doubleArray("betas");
            builder.betas(betas[0], betas[1]);
        }
        if (attrs.has("eps")) {
            builder.epsilon(attrs.doubleValue("eps"));
        }
        if (attrs.has("weight_decay")) {
            builder.weightDecay(attrs.doubleValue("weight_decay"));
        }
        if (attrs.has("amsgrad")) {
            builder.amsgrad(attrs.bool("amsgrad"));
        }
        return builder;
    }

    private static SGD.Builder sgd(Attributes attrs) {
        SGD.Builder builder = SGD.builder(attrs.doubleValue("lr"));
        if (attrs.has("momentum")) {
            builder.momentum(attrs.doubleValue("momentum"));
        }
        if (attrs.has("dampening")) {
            builder.dampening(attrs.doubleValue("dampening"));
        }
        if (attrs.has("nesterov")) {
            builder.nesterov(attrs.bool("nesterov"));
        }
        if (attrs.has("weight_decay")) {
            builder.weightDecay(attrs.doubleValue("weight_decay"));
        }
        return builder;
    }

    private static AdaDelta.Builder adaDelta(Attributes attrs) {
        AdaDelta.Builder builder = AdaDelta.builder();
        if (attrs.has("lr")) {
            builder.learningRate(attrs.doubleValue("lr"));
        }
        if (attrs.has("rho")) {
            builder.rho(attrs.doubleValue("rho"));
        }
        if (attrs.has("eps")) {
            builder.epsilon(attrs.doubleValue("eps"));
        }
        if (attrs.has("weight_decay")) {
            builder.weightDecay(attrs.doubleValue("weight_decay"));
        }
        return builder;
    }
}
