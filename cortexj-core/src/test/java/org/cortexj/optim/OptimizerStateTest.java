package org.cortexj.optim;

import static org.cortexj.optim.Fixtures.assertClose;
import static org.cortexj.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerStateTest {

    private static final int[] WEIGHT_SHAPE = {4, 3};
    private static final int[] BIAS_SHAPE = {4};

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD momentum", (Function<Map<String, Parameter>, Optimizer>)
                        ps -> SGD.builder(0.1).momentum(0.9).weightDecay(0.01).build(ps)),
                Arguments.of("SGD Nesterov", (Function<Map<String, Parameter>, Optimizer>)
                        ps -> SGD.builder(0.1).momentum(0.9).nesterov(true).build(ps)),
                Arguments.of("Adam", (Function<Map<String, Parameter>, Optimizer>)
                        ps -> Adam.builder().learningRate(0.01).weightDecay(0.1).build(ps)),
                Arguments.of("AdamW AMSGrad", (Function<Map<String, Parameter>, Optimizer>)
                        ps -> AdamW.builder().learningRate(0.01).amsgrad(true).build(ps)),
                Arguments.of("AdaDelta", (Function<Map<String, Parameter>, Optimizer>)
                        ps -> AdaDelta.builder().weightDecay(0.1).build(ps)));
    }

    /** Two parameters named like a layer's, filled from a seeded generator. */
    private static Map<String, Parameter> layer(long seed) {
        Generator generator = new Generator(seed);
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("fc.weight", new Parameter("weight", Tensor.normal(generator, 0, 1, DataType.FLOAT64, WEIGHT_SHAPE)));
        named.put("fc.bias", new Parameter("bias", Tensor.normal(generator, 0, 1, DataType.FLOAT64, BIAS_SHAPE)));
        return named;
    }

    private static Map<String, Parameter> copyOf(Map<String, Parameter> parameters) {
        Map<String, Parameter> copy = new LinkedHashMap<>();
        parameters.forEach((name, p) -> copy.put(name, new Parameter(p.name(), p.value().copy())));
        return copy;
    }

    private static void setGradients(Map<String, Parameter> parameters, long seed) {
        Generator generator = new Generator(seed);
        for (Parameter p : parameters.values()) {
            p.value().setGrad(Tensor.normal(generator, 0, 1, DataType.FLOAT64, p.value().shape().dims()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void restoredOptimizerTakesIdenticalStep(String label, Function<Map<String, Parameter>, Optimizer> factory) {
        Map<String, Parameter> original = layer(1);
        Optimizer trained = factory.apply(original);
        for (int t = 0; t < 3; t++) {
            setGradients(original, 100 + t);
            trained.step();
        }
        Map<String, Parameter> resumed = copyOf(original);
        Optimizer restored = factory.apply(resumed);

        restored.loadState(trained.state());
        setGradients(original, 200);
        setGradients(resumed, 200);
        trained.step();
        restored.step();

        assertEquals(trained.stepCount(), restored.stepCount());
        for (String name : original.keySet()) {
            assertArrayEquals(original.get(name).value().toDoubleArray(), resumed.get(name).value().toDoubleArray(),
                    label + ": " + name + " after the step that follows the restore");
        }
        assertStatesEqual(trained.state(), restored.state(), label);
    }

    private static void assertStatesEqual(OptimizerState expected, OptimizerState actual, String label) {
        assertEquals(expected.optimizer(), actual.optimizer());
        assertEquals(expected.parameters().keySet(), actual.parameters().keySet(), label + ": parameter names");
        expected.parameters().forEach((name, state) -> {
            ParameterState other = actual.parameters().get(name);
            assertEquals(state.scalars(), other.scalars(), label + ": scalars of " + name);
            assertEquals(state.tensors().keySet(), other.tensors().keySet(), label + ": tensor names of " + name);
            state.tensors().forEach((key, tensor) -> assertArrayEquals(tensor.toDoubleArray(),
                    other.tensor(key).toDoubleArray(), label + ": " + key + " of " + name));
        });
    }

    @Test
    void adamStateUsesReferenceNames() {
        Map<String, Parameter> parameters = layer(1);
        Adam adam = Adam.builder().build(parameters);
        setGradients(parameters, 2);
        adam.step();

        OptimizerState state = adam.state();

        assertEquals("Adam", state.optimizer());
        assertEquals(1, state.stepCount());
        assertEquals(1e-3, state.learningRate());
        ParameterState weight = state.parameters().get("fc.weight");
        assertEquals(Set.of("exp_avg", "exp_avg_sq"), weight.tensors().keySet());
        assertEquals(Map.of("step", 1.0), weight.scalars());
    }

    @Test
    void snapshotUnchangedByLaterSteps() {
        Map<String, Parameter> parameters = layer(1);
        SGD sgd = SGD.builder(0.1).momentum(0.9).build(parameters);
        setGradients(parameters, 2);
        sgd.step();
        OptimizerState snapshot = sgd.state();
        double[] saved = snapshot.parameters().get("fc.bias").tensor(SGD.MOMENTUM_BUFFER).toDoubleArray();

        sgd.step();

        assertArrayEquals(saved, snapshot.parameters().get("fc.bias").tensor(SGD.MOMENTUM_BUFFER).toDoubleArray());
    }

    @Test
    void restoreSetsStepCountAndLearningRate() {
        Map<String, Parameter> parameters = layer(1);
        Adam adam = Adam.builder().build(parameters);

        adam.loadState(new OptimizerState("Adam", 42, 0.005, Map.of()));

        assertEquals(42, adam.stepCount());
        assertEquals(0.005, adam.learningRate());
    }

    @Test
    void restoreRejectsWrongShape() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("conv1.weight", new Parameter("weight", Tensor.zeros(DataType.FLOAT32, 20, 1, 5, 5)));
        Adam adam = Adam.builder().build(named);
        ParameterState wrong = new ParameterState(
                Map.of("exp_avg", Tensor.zeros(DataType.FLOAT32, 20, 1, 3, 3),
                        "exp_avg_sq", Tensor.zeros(DataType.FLOAT32, 20, 1, 5, 5)),
                Map.of("step", 1.0));

        assertMessage("Adam state for conv1.weight: expected shape [20, 1, 5, 5] for exp_avg, found [20, 1, 3, 3]",
                () -> adam.loadState(new OptimizerState("Adam", 1, 1e-3, Map.of("conv1.weight", wrong))));
    }

    @Test
    void restoreRejectsUnknownParameter() {
        Adam adam = Adam.builder().build(layer(1));
        ParameterState state = new ParameterState(Map.of(), Map.of());

        assertMessage("Adam: state names parameter fc3.weight, which this optimizer does not manage; it manages "
                        + "[fc.weight, fc.bias]",
                () -> adam.loadState(new OptimizerState("Adam", 1, 1e-3, Map.of("fc3.weight", state))));
    }

    @Test
    void restoreRejectsOtherOptimizerType() {
        Adam adam = Adam.builder().build(layer(1));

        assertMessage("Adam: cannot load state saved by SGD; state loads only into the optimizer type that saved it",
                () -> adam.loadState(new OptimizerState("SGD", 1, 0.1, Map.of())));
    }

    @Test
    void restoreRejectsMissingOrExtraEntries() {
        Map<String, Parameter> parameters = layer(1);
        Adam adam = Adam.builder().build(parameters);
        Tensor bias = Tensor.zeros(DataType.FLOAT64, BIAS_SHAPE);
        ParameterState missing = new ParameterState(Map.of("exp_avg", bias), Map.of("step", 1.0));
        ParameterState extra = new ParameterState(Map.of("exp_avg", bias, "exp_avg_sq", bias, "max_exp_avg_sq", bias),
                Map.of("step", 1.0));
        ParameterState badStep = new ParameterState(Map.of("exp_avg", bias, "exp_avg_sq", bias), Map.of("step", 1.5));

        assertMessage("Adam state for fc.bias: missing tensor exp_avg_sq; expected tensors [exp_avg, exp_avg_sq], "
                        + "found [exp_avg]",
                () -> adam.loadState(new OptimizerState("Adam", 1, 1e-3, Map.of("fc.bias", missing))));
        assertMessage("Adam state for fc.bias: unexpected tensor max_exp_avg_sq; expected tensors [exp_avg, "
                        + "exp_avg_sq], found [exp_avg, exp_avg_sq, max_exp_avg_sq] (was the state saved with other "
                        + "settings?)",
                () -> adam.loadState(new OptimizerState("Adam", 1, 1e-3, Map.of("fc.bias", extra))));
        assertMessage("Adam state for fc.bias: step must be a whole number >= 1, got 1.5",
                () -> adam.loadState(new OptimizerState("Adam", 1, 1e-3, Map.of("fc.bias", badStep))));
    }

    @Test
    void failedRestoreLeavesStateUnchanged() {
        Map<String, Parameter> parameters = layer(1);
        SGD sgd = SGD.builder(0.1).momentum(0.9).build(parameters);
        setGradients(parameters, 2);
        sgd.step();
        OptimizerState before = sgd.state();
        Map<String, ParameterState> mixed = new LinkedHashMap<>();
        mixed.put("fc.weight", new ParameterState(
                Map.of(SGD.MOMENTUM_BUFFER, Tensor.ones(DataType.FLOAT64, WEIGHT_SHAPE)), Map.of()));
        mixed.put("fc.bias", new ParameterState(
                Map.of(SGD.MOMENTUM_BUFFER, Tensor.ones(DataType.FLOAT64, 5)), Map.of()));

        assertMessage("SGD state for fc.bias: expected shape [4] for momentum_buffer, found [5]",
                () -> sgd.loadState(new OptimizerState("SGD", 7, 0.5, mixed)));

        assertStatesEqual(before, sgd.state(), "after a rejected restore");
        assertEquals(1, sgd.stepCount());
        assertEquals(0.1, sgd.learningRate());
    }

    @Test
    void restoreConvertsDataType() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("w", new Parameter("w", Tensor.zeros(DataType.FLOAT32, 2)));
        SGD sgd = SGD.builder(0.1).momentum(0.5).build(named);
        ParameterState saved = new ParameterState(
                Map.of(SGD.MOMENTUM_BUFFER, Tensor.of(new double[] {1.0, -2.0}, 2)), Map.of());

        sgd.loadState(new OptimizerState("SGD", 1, 0.1, Map.of("w", saved)));

        Tensor buffer = sgd.parameterState("w").orElseThrow().buffer();
        assertEquals(DataType.FLOAT32, buffer.dataType());
        assertClose(new double[] {1.0, -2.0}, buffer, "buffer");
        assertTrue(buffer != saved.tensor(SGD.MOMENTUM_BUFFER), "restored tensors are copies");
    }
}
