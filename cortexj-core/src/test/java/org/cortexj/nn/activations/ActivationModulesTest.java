package org.cortexj.nn.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Sequential;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationModulesTest {

    private static final Tensor INPUT = Tensor.normal(new Generator(3), 0, 2, DataType.FLOAT64, 3, 4, 5);

    /** Each module beside the function it must compute. */
    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of(new SELU(), (UnaryOperator<Tensor>) Activations::selu),
                Arguments.of(new ELU(0.5), (UnaryOperator<Tensor>) x -> Activations.elu(x, 0.5)),
                Arguments.of(new ReLU(), (UnaryOperator<Tensor>) Activations::relu),
                Arguments.of(new LeakyReLU(0.2), (UnaryOperator<Tensor>) x -> Activations.leakyRelu(x, 0.2)),
                Arguments.of(new Sigmoid(), (UnaryOperator<Tensor>) Activations::sigmoid),
                Arguments.of(new Tanh(), (UnaryOperator<Tensor>) Activations::tanh),
                Arguments.of(new Softplus(2, 3), (UnaryOperator<Tensor>) x -> Activations.softplus(x, 2, 3)),
                Arguments.of(new SiLU(), (UnaryOperator<Tensor>) Activations::silu),
                Arguments.of(new GELU(), (UnaryOperator<Tensor>) Activations::gelu),
                Arguments.of(new GELU(GELU.Approximation.TANH), (UnaryOperator<Tensor>) Activations::geluTanh),
                Arguments.of(new Softmax(1), (UnaryOperator<Tensor>)
                        x -> org.cortexj.nn.functional.Softmax.softmax(x, 1)),
                Arguments.of(new LogSoftmax(-1), (UnaryOperator<Tensor>)
                        x -> org.cortexj.nn.functional.Softmax.logSoftmax(x, -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void moduleForwardMatchesFunction(Module module, UnaryOperator<Tensor> function) {
        Tensor output = module.forward(INPUT);
        assertArrayEquals(INPUT.shape().dims(), output.shape().dims(), module.toString());
        assertArrayEquals(function.apply(INPUT).toDoubleArray(), output.toDoubleArray(), 0, module.toString());
        assertEquals(0, module.parameterCount(), module.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void moduleGradientMatchesFiniteDifferences(Module module, UnaryOperator<Tensor> function) {
        Tensor x = Tensor.of(new double[] {-2.5, -0.6, 0.4, 1.9, 3.3, 7.1}, 2, 3);
        GradientCheck.assertClose(module.toString(), in -> module.forward(in.get(0)), List.of(x));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void enumCreateMatchesApply(Activation activation) {
        Module module = activation.create();
        assertArrayEquals(activation.apply(INPUT).toDoubleArray(), module.forward(INPUT).toDoubleArray(), 0,
                activation.name());
        assertTrue(module != activation.create(), "create() must return a new module each call");
    }

    @Test
    void enumCreatesDefaultModules() {
        assertInstanceOf(SELU.class, Activation.SELU.create());
        assertInstanceOf(ReLU.class, Activation.RELU.create());
        assertEquals(1.0, ((ELU) Activation.ELU.create()).alpha());
        assertEquals(0.01, ((LeakyReLU) Activation.LEAKY_RELU.create()).slope());
        Softplus softplus = (Softplus) Activation.SOFTPLUS.create();
        assertEquals(1.0, softplus.beta());
        assertEquals(20.0, softplus.threshold());
        assertEquals(GELU.Approximation.NONE, ((GELU) Activation.GELU.create()).approximation());
    }

    @Test
    void seluInSequentialUsesExpression() {
        Sequential network = new Sequential(Activation.SELU.create(), Activation.TANH.create());
        Tensor x = Tensor.of(new double[] {-1, 0, 2}, 3);
        double[] expected = Activations.tanh(Activations.selu(x)).toDoubleArray();
        assertArrayEquals(expected, network.forward(x).toDoubleArray(), 0);
    }

    @Test
    void invalidConstructorArgumentsAreRejected() {
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class, () -> new ELU(Double.NaN));
        assertEquals("ELU: alpha must be finite, got NaN", alpha.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NEGATIVE_INFINITY));
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class, () -> new Softplus(-1, 20));
        assertEquals("Softplus: beta must be finite and > 0, got -1.0", beta.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Softplus(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new GELU(null));
    }

    @Test
    void modulesDescribeTheirSettings() {
        assertEquals("ELU(alpha=0.5)", new ELU(0.5).toString());
        assertEquals("Softplus(beta=2.0, threshold=3.0)", new Softplus(2, 3).toString());
        assertEquals("Softmax(axis=-1)", new Softmax(-1).toString());
        assertEquals("SELU", new SELU().toString());
    }
}
