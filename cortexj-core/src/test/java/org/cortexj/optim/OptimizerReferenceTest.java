package org.cortexj.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code optimizers.json}: PyTorch 1.13 float64 results of T steps from
 * {@code param_0} with gradients {@code grad_1..grad_T}, checked after each step against
 * {@code param_t} and the state tensors ({@code exp_avg_t}, {@code exp_avg_sq_t},
 * {@code momentum_buffer_t}, ...). Each case runs in float64 (rtol 1e-8) and float32
 * (rtol 1e-5). The runner dispatches on the case's {@code op} and {@code attrs}, and an
 * attribute it does not know fails the case instead of being ignored.
 */
class OptimizerReferenceTest {

    private static final String PARAMETER = "param";
    private static final Pattern OUTPUT_KEY = Pattern.compile("(.+)_(\\d+)");

    @TestFactory
    List<DynamicTest> optimizersMatchReferenceVectors() throws IOException {
        JsonNode cases = ReferenceVectors.read("optimizers.json").get("cases");
        assertTrue(cases.size() >= 6, "optimizers.json should contain at least 6 cases, found " + cases.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases) {
            String name = testCase.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name + " float64", () -> run(testCase, DataType.FLOAT64, 1e-8, 1e-9)));
            tests.add(DynamicTest.dynamicTest(name + " float32", () -> run(testCase, DataType.FLOAT32, 1e-5, 1e-6)));
        }
        return tests;
    }

    private static void run(JsonNode testCase, DataType dataType, double rtol, double atol) {
        String name = testCase.get("name").asText();
        JsonNode inputs = testCase.get("inputs");
        JsonNode outputs = testCase.get("outputs");
        JsonNode start = inputs.get("param_0");
        Parameter parameter = new Parameter(PARAMETER, Tensor.of(ReferenceVectors.data(start),
                ReferenceVectors.shape(start)).toType(dataType).realize());
        Optimizer optimizer = build(testCase.get("op").asText(), testCase.get("attrs"), Map.of(PARAMETER, parameter));

        int steps = testCase.get("attrs").get("steps").asInt();
        assertTrue(steps >= 1, name + ": attrs.steps must be >= 1");
        for (int t = 1; t <= steps; t++) {
            JsonNode gradient = inputs.get("grad_" + t);
            assertNotNull(gradient, name + ": missing input grad_" + t);
            parameter.value().setGrad(Tensor.of(ReferenceVectors.data(gradient),
                    ReferenceVectors.shape(gradient)).toType(dataType).realize());
            optimizer.step();
            int compared = compareStep(name, t, outputs, parameter, optimizer, rtol, atol);
            assertTrue(compared > 0, name + ": no outputs for step " + t);
        }
    }

    /** Compares every output of step t and returns how many were compared. */
    private static int compareStep(String name, int step, JsonNode outputs, Parameter parameter,
                                   Optimizer optimizer, double rtol, double atol) {
        int compared = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = outputs.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Matcher matcher = OUTPUT_KEY.matcher(field.getKey());
            assertTrue(matcher.matches(), name + ": output key " + field.getKey() + " lacks a step suffix");
            if (Integer.parseInt(matcher.group(2)) != step) {
                continue;
            }
            String key = matcher.group(1);
            Tensor actual = key.equals(PARAMETER) ? parameter.value() : stateTensor(name, optimizer, key);
            assertEquals(List.of(box(ReferenceVectors.shape(field.getValue()))), List.of(box(actual.shape().dims())),
                    name + ": shape of " + field.getKey());
            Fixtures.assertClose(ReferenceVectors.data(field.getValue()), actual, rtol, atol,
                    name + " " + actual.dataType() + " " + field.getKey());
            compared++;
        }
        return compared;
    }

    private static Tensor stateTensor(String name, Optimizer optimizer, String key) {
        ParameterState state = optimizer.state().parameters().get(PARAMETER);
        assertNotNull(state, name + ": optimizer has no state for the parameter");
        Tensor tensor = state.tensor(key);
        assertNotNull(tensor, name + ": optimizer state has no tensor " + key + "; it has "
                + state.tensors().keySet());
        return tensor;
    }

    private static List<Integer> box(int[] values) {
        List<Integer> boxed = new ArrayList<>();
        for (int value : values) {
            boxed.add(value);
        }
        return boxed;
    }

    // ---------------------------------------------------------------- attribute dispatch

    private static Optimizer build(String op, JsonNode attrs, Map<String, Parameter> parameters) {
        Attributes read = new Attributes(op, attrs);
        read.ignore("steps");
        read.ignore("optimizer");
        Optimizer optimizer;
        switch (op) {
            case "optimizer_adam":
                optimizer = adam(Adam.builder(), read).build(parameters);
                break;
            case "optimizer_adamw":
                optimizer = adam(AdamW.builder(), read).build(parameters);
                break;
            case "optimizer_sgd":
                optimizer = sgd(read).build(parameters);
                break;
            case "optimizer_adadelta":
                optimizer = adaDelta(read).build(parameters);
                break;
            default:
                throw new AssertionError("unknown optimizer op " + op);
        }
        read.checkAllUsed();
        return optimizer;
    }

    private static <T extends AbstractAdam> AdamBuilder<T> adam(AdamBuilder<T> builder, Attributes read) {
        read.number("lr").ifPresent(builder::learningRate);
        JsonNode betas = read.node("betas");
        if (betas != null) {
            builder.betas(ReferenceVectors.number(betas.get(0)), ReferenceVectors.number(betas.get(1)));
        }
        read.number("eps").ifPresent(builder::epsilon);
        read.number("weight_decay").ifPresent(builder::weightDecay);
        read.flag("amsgrad").ifPresent(builder::amsgrad);
        return builder;
    }

    private static SGD.Builder sgd(Attributes read) {
        SGD.Builder builder = SGD.builder(read.number("lr").orElseThrow());
        read.number("momentum").ifPresent(builder::momentum);
        read.number("dampening").ifPresent(builder::dampening);
        read.flag("nesterov").ifPresent(builder::nesterov);
        read.number("weight_decay").ifPresent(builder::weightDecay);
        return builder;
    }

    private static AdaDelta.Builder adaDelta(Attributes read) {
        AdaDelta.Builder builder = AdaDelta.builder();
        read.number("lr").ifPresent(builder::learningRate);
        read.number("rho").ifPresent(builder::rho);
        read.number("eps").ifPresent(builder::epsilon);
        read.number("weight_decay").ifPresent(builder::weightDecay);
        return builder;
    }

    /** Reads a case's attributes and remembers which were used, so unknown ones fail the case. */
    private static final class Attributes {
        private final String op;
        private final JsonNode attrs;
        private final Set<String> used = new HashSet<>();

        Attributes(String op, JsonNode attrs) {
            this.op = op;
            this.attrs = attrs;
        }

        JsonNode node(String key) {
            used.add(key);
            return attrs.get(key);
        }

        void ignore(String key) {
            used.add(key);
        }

        OptionalDouble number(String key) {
            JsonNode node = node(key);
            return node == null ? OptionalDouble.empty()
                    : OptionalDouble.of(ReferenceVectors.number(node));
        }

        Optional<Boolean> flag(String key) {
            JsonNode node = node(key);
            return node == null ? Optional.empty() : Optional.of(node.asBoolean());
        }

        void checkAllUsed() {
            Iterator<String> names = attrs.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertTrue(used.contains(name), op + ": attribute " + name + " is not supported by this runner");
            }
        }
    }
}
