package org.cortexj.loss;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cortexj.backend.DataType;
import org.cortexj.nn.functional.ReferenceVectors;
import org.cortexj.nn.functional.Softmax;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Softmax, log-softmax, cross-entropy and MSE against softmax_losses.json, reference values
 * from PyTorch 1.13.1 in float64. Each case computes y, then backpropagates dy and compares
 * the gradient of every float input that the case lists.
 */
class SoftmaxLossReferenceTest {

    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (ReferenceVectors.Case referenceCase : ReferenceVectors.load("softmax_losses.json")) {
            arguments.add(Arguments.of(referenceCase, DataType.FLOAT64));
            arguments.add(Arguments.of(referenceCase, DataType.FLOAT32));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void opMatchesReferenceValues(ReferenceVectors.Case referenceCase, DataType dataType) {
        ReferenceVectors.Tolerance tolerance = ReferenceVectors.tolerance(dataType);
        Map<String, Tensor> inputs = floatInputs(referenceCase, dataType);

        Tensor y = evaluate(referenceCase, inputs);
        ReferenceVectors.assertMatches(referenceCase.name() + " y", referenceCase.outputs().get("y"), y, tolerance);

        y.backward(ReferenceVectors.tensor(referenceCase.dy(), dataType));
        referenceCase.grads().properties().forEach(entry -> ReferenceVectors.assertMatches(
                referenceCase.name() + " d" + entry.getKey(), entry.getValue(), inputs.get(entry.getKey()).grad(),
                tolerance));
    }

    /** Float inputs as leaves that require gradients, and integer inputs as int32 tensors. */
    private static Map<String, Tensor> floatInputs(ReferenceVectors.Case referenceCase, DataType dataType) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        referenceCase.inputs().properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            boolean integer = node.path("dtype").asText("float").startsWith("int");
            inputs.put(entry.getKey(), integer ? ReferenceVectors.intTensor(node)
                    : ReferenceVectors.tensor(node, dataType).setRequiresGrad(true));
        });
        return inputs;
    }

    /** Dispatches on the case's op and attrs; an unknown op fails the case. */
    private static Tensor evaluate(ReferenceVectors.Case referenceCase, Map<String, Tensor> inputs) {
        JsonNode attrs = referenceCase.attrs();
        return switch (referenceCase.op()) {
            case "softmax" -> Softmax.softmax(inputs.get("x"), attrs.path("axis").asInt(-1));
            case "log_softmax" -> Softmax.logSoftmax(inputs.get("x"), attrs.path("axis").asInt(-1));
            case "cross_entropy" -> new CrossEntropyLoss(reduction(attrs))
                    .forward(inputs.get("logits"), inputs.get("labels"));
            case "mse_loss" -> new MeanSquaredError(reduction(attrs)).forward(inputs.get("pred"), inputs.get("target"));
            case "l1_loss" -> new L1Loss(reduction(attrs)).forward(inputs.get("pred"), inputs.get("target"));
            default -> throw new AssertionError("no implementation for reference op " + referenceCase.op());
        };
    }

    private static Reduction reduction(JsonNode attrs) {
        return Reduction.valueOf(attrs.path("reduction").asText("mean").toUpperCase(Locale.ROOT));
    }
}
