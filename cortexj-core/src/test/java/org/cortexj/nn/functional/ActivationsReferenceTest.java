package org.cortexj.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activations against activations.json, reference values from PyTorch 1.13.1 in float64.
 * For each case y = f(x) and dL/dx with L = Σ y·dy are compared, in float64 and in float32.
 */
class ActivationsReferenceTest {

    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (ReferenceVectors.Case referenceCase : ReferenceVectors.load("activations.json")) {
            arguments.add(Arguments.of(referenceCase, DataType.FLOAT64));
            arguments.add(Arguments.of(referenceCase, DataType.FLOAT32));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void activationMatchesReferenceValues(ReferenceVectors.Case referenceCase, DataType dataType) {
        UnaryOperator<Tensor> activation = activationFor(referenceCase.op(), referenceCase.attrs());
        ReferenceVectors.Tolerance tolerance = ReferenceVectors.tolerance(dataType);
        Tensor x = ReferenceVectors.tensor(referenceCase.inputs().get("x"), dataType).setRequiresGrad(true);

        Tensor y = activation.apply(x);
        ReferenceVectors.assertMatches(referenceCase.name() + " y", referenceCase.outputs().get("y"), y, tolerance);

        y.backward(ReferenceVectors.tensor(referenceCase.dy(), dataType));
        ReferenceVectors.assertMatches(referenceCase.name() + " dx", referenceCase.grads().get("x"), x.grad(),
                tolerance);
    }

    /** Maps a case's op and attrs to the activation; an unknown op or attribute fails the case. */
    static UnaryOperator<Tensor> activationFor(String op, JsonNode attrs) {
        return switch (op) {
            case "selu" -> {
                // The file rounds the constants to 9 digits; the library uses them at full precision.
                assertEquals(Activations.SELU_LAMBDA, attrs.path("lambda").asDouble(Activations.SELU_LAMBDA), 1e-8);
                assertEquals(Activations.SELU_ALPHA, attrs.path("alpha").asDouble(Activations.SELU_ALPHA), 1e-8);
                yield Activations::selu;
            }
            case "relu" -> Activations::relu;
            case "elu" -> x -> Activations.elu(x, attrs.path("alpha").asDouble(Activations.DEFAULT_ELU_ALPHA));
            case "leaky_relu" -> x -> Activations.leakyRelu(x,
                    attrs.path("negative_slope").asDouble(Activations.DEFAULT_LEAKY_SLOPE));
            case "sigmoid" -> Activations::sigmoid;
            case "tanh" -> Activations::tanh;
            case "softplus" -> x -> Activations.softplus(x,
                    attrs.path("beta").asDouble(Activations.DEFAULT_SOFTPLUS_BETA),
                    attrs.path("threshold").asDouble(Activations.DEFAULT_SOFTPLUS_THRESHOLD));
            case "silu" -> Activations::silu;
            case "gelu" -> switch (attrs.path("approximate").asText("none")) {
                case "none" -> Activations::gelu;
                case "tanh" -> Activations::geluTanh;
                default -> throw new AssertionError("gelu: unknown approximate " + attrs.get("approximate"));
            };
            default -> throw new AssertionError("no activation for reference op " + op);
        };
    }
}
