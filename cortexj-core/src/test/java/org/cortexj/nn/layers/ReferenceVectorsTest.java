package org.cortexj.nn.layers;

import static org.cortexj.nn.layers.ReferenceVectors.assertClose;
import static org.cortexj.nn.layers.ReferenceVectors.flag;
import static org.cortexj.nn.layers.ReferenceVectors.number;
import static org.cortexj.nn.layers.ReferenceVectors.pair;
import static org.cortexj.nn.layers.ReferenceVectors.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cortexj.backend.DataType;
import org.cortexj.nn.functional.Normalization;
import org.cortexj.nn.functional.Pooling;
import org.cortexj.nn.layers.ReferenceVectors.Tolerance;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the conv2d, pooling, batch norm and alpha dropout reference files through
 * the layers, in float64 and float32, dispatching on each case's {@code op} and {@code attrs}.
 * Gradients come from {@code y.backward(dy)}, which is the gradient of {@code L = Σ y·dy}.
 */
class ReferenceVectorsTest {

    private static final String[] FILES = {"conv2d.json", "pooling.json", "batchnorm.json", "alpha_dropout.json"};

    static Stream<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode node : ReferenceVectors.cases(file)) {
                String name = node.get("name").asText();
                arguments.add(Arguments.of(name + " float64", node, DataType.FLOAT64));
                if (!node.get("op").asText().equals("alpha_dropout_constants")) {
                    arguments.add(Arguments.of(name + " float32", node, DataType.FLOAT32));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerMatchesReferenceCase(String label, JsonNode node, DataType dataType) {
        Run run = new Run(label, node, dataType);
        String op = node.get("op").asText();
        switch (op) {
            case "conv2d" -> run.conv2d();
            case "maxpool2d" -> run.maxPool2d();
            case "avgpool2d" -> run.avgPool2d();
            case "batchnorm" -> run.batchNorm();
            case "alpha_dropout_constants" -> run.alphaDropoutConstants();
            case "alpha_dropout_masked" -> run.maskedDropout(AlphaDropout::apply);
            case "dropout_masked" -> run.maskedDropout(Dropout::apply);
            default -> fail(label + ": no runner for op " + op);
        }
    }

    /** Masked dropout function under test. */
    private interface MaskedDropout {
        Tensor apply(Tensor x, Tensor mask, double p);
    }

    /** One case in one data type. */
    private static final class Run {
        private final String label;
        private final JsonNode node;
        private final JsonNode attrs;
        private final DataType dataType;
        private final Tolerance tolerance;

        Run(String label, JsonNode node, DataType dataType) {
            this.label = label;
            this.node = node;
            this.attrs = node.get("attrs");
            this.dataType = dataType;
            this.tolerance = Tolerance.of(dataType);
        }

        void conv2d() {
            JsonNode groups = attrs.get("groups");
            assertTrue(groups == null || groups.asInt() == 1, label + ": groups " + groups + " is not supported");
            Tensor weight = parameter("weight");
            Tensor bias = node.path("params").has("bias") ? parameter("bias") : null;
            Conv2d layer = new Conv2d(weight, bias, pair(attrs, "stride", 1), pair(attrs, "padding", 0),
                    pair(attrs, "dilation", 1));
            assertArrayEquals(pair(attrs, "kernel", 1), new int[] {weight.dim(2), weight.dim(3)},
                    label + ": kernel attribute and weight shape differ");
            Tensor x = input("x");
            Tensor y = layer.forward(x);
            compareOutputAndGradients(y, x, weight, bias);
        }

        void maxPool2d() {
            MaxPool2d layer = new MaxPool2d(pair(attrs, "kernel", 1), stride(), pair(attrs, "padding", 0),
                    pair(attrs, "dilation", 1), flag(attrs, "ceil_mode", false));
            Tensor x = input("x");
            Pooling.MaxPoolResult result = layer.forwardWithIndices(x);
            JsonNode indices = node.get("outputs").get("indices");
            if (indices != null) {
                int[] expected = ReferenceVectors.tensor(indices, DataType.INT32).toIntArray();
                assertArrayEquals(expected, result.indices().toIntArray(), label + ": indices");
            }
            compareOutputAndGradients(result.values(), x, null, null);
        }

        void avgPool2d() {
            JsonNode divisor = attrs.get("divisor_override");
            assertTrue(divisor == null || divisor.isNull(), label + ": divisor_override is not supported");
            AvgPool2d layer = new AvgPool2d(pair(attrs, "kernel", 1), stride(), pair(attrs, "padding", 0),
                    flag(attrs, "ceil_mode", false), flag(attrs, "count_include_pad", true));
            Tensor x = input("x");
            compareOutputAndGradients(layer.forward(x), x, null, null);
        }

        /** PyTorch's pooling stride defaults to the kernel size. */
        private int[] stride() {
            JsonNode stride = attrs.get("stride");
            return stride == null || stride.isNull() || stride.size() == 0 ? pair(attrs, "kernel", 1)
                    : pair(attrs, "stride", 1);
        }

        void batchNorm() {
            Tensor weight = node.path("params").has("weight") ? parameter("weight") : null;
            Tensor bias = node.path("params").has("bias") ? parameter("bias") : null;
            Tensor runningMean = input("running_mean").setRequiresGrad(false);
            Tensor runningVar = input("running_var").setRequiresGrad(false);
            double eps = attrs.get("eps").asDouble();
            double momentum = attrs.get("momentum").asDouble();
            BatchNorm layer = attrs.get("kind").asText().equals("BatchNorm2d")
                    ? new BatchNorm2d(weight, bias, runningMean, runningVar, eps, momentum)
                    : new BatchNorm1d(weight, bias, runningMean, runningVar, eps, momentum);
            boolean training = attrs.get("training").asBoolean();
            if (!training) {
                layer.eval();
            }
            Tensor x = input("x");
            Tensor y = layer.forward(x);
            compareOutputAndGradients(y, x, weight, bias);
            compareStatistics(layer, x, training);
        }

        private void compareStatistics(BatchNorm layer, Tensor x, boolean training) {
            JsonNode outputs = node.get("outputs");
            if (outputs.has("batch_mean") || outputs.has("batch_var_biased")) {
                Normalization.Statistics statistics = Normalization.batchStatistics(x.detach());
                compareIfPresent(outputs, "batch_mean", statistics.mean());
                compareIfPresent(outputs, "batch_var_biased", statistics.variance());
            }
            if (training) {
                compareIfPresent(outputs, "running_mean_new", layer.runningMean());
                compareIfPresent(outputs, "running_var_new", layer.runningVar());
            } else {
                assertClose(label + " running_mean unchanged", node.get("inputs").get("running_mean"),
                        layer.runningMean(), tolerance);
                assertClose(label + " running_var unchanged", node.get("inputs").get("running_var"),
                        layer.runningVar(), tolerance);
            }
        }

        void alphaDropoutConstants() {
            double p = attrs.get("p").asDouble();
            JsonNode outputs = node.get("outputs");
            AlphaDropout.Constants constants = AlphaDropout.constants(p);
            // The stored constants have 9 significant digits, a relative error of at most 5e-10.
            Tolerance digits = new Tolerance(1e-8, 0);
            compareNumber("alpha_prime", outputs, AlphaDropout.ALPHA_PRIME, digits);
            compareNumber("a", outputs, constants.a(), digits);
            compareNumber("b", outputs, constants.b(), digits);
            compareNumber("dropped_value", outputs, constants.droppedValue(), digits);
            compareNumber("pytorch_a", outputs, constants.a(), digits);
            compareNumber("pytorch_b", outputs, constants.b(), digits);
        }

        void maskedDropout(MaskedDropout function) {
            double p = attrs.get("p").asDouble();
            Tensor x = input("x");
            Tensor mask = tensor(node.get("inputs").get("mask"), dataType);
            Tensor y = function.apply(x, mask, p);
            compareOutputAndGradients(y, x, null, null);
        }

        private void compareNumber(String key, JsonNode outputs, double actual, Tolerance digits) {
            JsonNode expected = outputs.get(key);
            if (expected != null) {
                assertClose(label + " " + key, new double[] {number(expected)}, new double[] {actual}, digits);
            }
        }

        private void compareIfPresent(JsonNode outputs, String key, Tensor actual) {
            if (outputs.has(key)) {
                assertClose(label + " " + key, outputs.get(key), actual, tolerance);
            }
        }

        /** Compares y, then runs backward(dy) and compares the gradient of every given tensor. */
        private void compareOutputAndGradients(Tensor y, Tensor x, Tensor weight, Tensor bias) {
            assertClose(label + " y", node.get("outputs").get("y"), y, tolerance);
            if (!node.has("dy")) {
                return;
            }
            y.backward(tensor(node.get("dy"), dataType));
            JsonNode grads = node.get("grads");
            compareGradient(grads, "x", x);
            compareGradient(grads, "weight", weight);
            compareGradient(grads, "bias", bias);
        }

        private void compareGradient(JsonNode grads, String key, Tensor tensor) {
            if (grads == null || !grads.has(key)) {
                return;
            }
            assertNotNull(tensor, label + ": no tensor for gradient " + key);
            assertNotNull(tensor.grad(), label + ": no gradient for " + key);
            assertEquals(dataType, tensor.grad().dataType(), label + ": gradient type of " + key);
            assertClose(label + " grad " + key, grads.get(key), tensor.grad(), tolerance);
        }

        private Tensor input(String key) {
            return tensor(node.get("inputs").get(key), dataType).setRequiresGrad(true);
        }

        private Tensor parameter(String key) {
            return tensor(node.get("params").get(key), dataType);
        }
    }
}
