package org.cortexj.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cortexj.autograd.GradientCheck;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationsTest {

    private static final double LAMBDA_ALPHA = 1.7580993408473766;

    /** Activations by name, for the tables below. */
    private static final Map<String, UnaryOperator<Tensor>> ACTIVATIONS = Map.of(
            "selu", Activations::selu,
            "elu", Activations::elu,
            "relu", Activations::relu,
            "leakyRelu", Activations::leakyRelu,
            "sigmoid", Activations::sigmoid,
            "tanh", Activations::tanh,
            "softplus", Activations::softplus,
            "silu", Activations::silu,
            "gelu", Activations::gelu,
            "geluTanh", Activations::geluTanh);

    private static Tensor gradientAt(UnaryOperator<Tensor> activation, double value, DataType dataType) {
        Tensor x = Tensor.scalar(value, dataType).setRequiresGrad(true);
        activation.apply(x).backward();
        return x.grad();
    }

    /** Derivatives at exactly 0 (and −0) as PyTorch 1.13 returns them. */
    static Stream<Arguments> derivativesAtZero() {
        return Stream.of(
                Arguments.of("relu", 0.0),
                Arguments.of("leakyRelu", 0.01),
                Arguments.of("elu", 1.0),
                Arguments.of("selu", LAMBDA_ALPHA),
                Arguments.of("sigmoid", 0.25),
                Arguments.of("tanh", 1.0),
                Arguments.of("softplus", 0.5),
                Arguments.of("silu", 0.5),
                Arguments.of("gelu", 0.5),
                Arguments.of("geluTanh", 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivativesAtZero")
    void derivativeAtZeroFollowsConvention(String name, double expected) {
        for (double zero : new double[] {0.0, -0.0}) {
            assertEquals(expected, gradientAt(ACTIVATIONS.get(name), zero, DataType.FLOAT64).item(), 1e-15,
                    name + " at " + zero);
            assertEquals(expected, gradientAt(ACTIVATIONS.get(name), zero, DataType.FLOAT32).item(), 1e-7,
                    name + " float32 at " + zero);
        }
    }

    @Test
    void eluDerivativeAtZeroIsAlpha() {
        Tensor derivative = gradientAt(x -> Activations.elu(x, 2.5), 0, DataType.FLOAT64);
        assertEquals(2.5, derivative.item(), 0);
    }

    @Test
    void seluAtHundredFloat32IsFinite() {
        Tensor x = Tensor.scalar(100, DataType.FLOAT32).setRequiresGrad(true);
        Tensor y = Activations.selu(x);
        y.backward();

        assertEquals((float) Activations.SELU_LAMBDA * 100f, (float) y.item(), 1e-4);
        assertEquals((float) Activations.SELU_LAMBDA, (float) x.grad().item(), 0);
    }

    @Test
    void seluGradientAtMinus700IsTiny() {
        Tensor x = Tensor.scalar(-700, DataType.FLOAT64).setRequiresGrad(true);
        Tensor y = Activations.selu(x);
        y.backward();

        double expected = LAMBDA_ALPHA * Math.exp(-700);
        assertEquals(1.73e-304, expected, 0.01e-304);
        assertEquals(expected, x.grad().item(), 1e-12 * expected);
        assertEquals(-LAMBDA_ALPHA, y.item(), 1e-15);
    }

    /** Large inputs must not overflow in either direction, in float32 where it is easiest to. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void extremeInputsStayFinite(String name) {
        Tensor x = Tensor.of(new float[] {-1000, -100, -30, 30, 100, 1000}, 6).setRequiresGrad(true);
        Tensor y = ACTIVATIONS.get(name).apply(x);
        y.sum().backward();

        for (float value : y.toFloatArray()) {
            assertTrue(Float.isFinite(value), name + " output " + value);
        }
        for (float value : x.grad().toFloatArray()) {
            assertTrue(Float.isFinite(value), name + " gradient " + value);
        }
    }

    static Stream<String> names() {
        return ACTIVATIONS.keySet().stream().sorted();
    }

    /** Closed forms in plain Java, for the activations whose formula needs no erf. */
    static Stream<Arguments> scalarForms() {
        DoubleUnaryOperator sigmoid = v -> 1 / (1 + Math.exp(-v));
        return Stream.of(
                Arguments.of("selu", (DoubleUnaryOperator) v -> v > 0 ? Activations.SELU_LAMBDA * v
                        : Activations.SELU_LAMBDA * Activations.SELU_ALPHA * Math.expm1(v)),
                Arguments.of("elu", (DoubleUnaryOperator) v -> v > 0 ? v : Math.expm1(v)),
                Arguments.of("relu", (DoubleUnaryOperator) v -> Math.max(v, 0)),
                Arguments.of("leakyRelu", (DoubleUnaryOperator) v -> v > 0 ? v : 0.01 * v),
                Arguments.of("sigmoid", sigmoid),
                Arguments.of("tanh", (DoubleUnaryOperator) Math::tanh),
                Arguments.of("softplus", (DoubleUnaryOperator) v -> v > 20 ? v : Math.log1p(Math.exp(v))),
                Arguments.of("silu", (DoubleUnaryOperator) v -> v * sigmoid.applyAsDouble(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarForms")
    void activationMatchesScalarLoop(String name, DoubleUnaryOperator expected) {
        Tensor x = Tensor.linspace(-25, 25, 1001, DataType.FLOAT64);
        double[] inputs = x.toDoubleArray();
        double[] outputs = ACTIVATIONS.get(name).apply(x).toDoubleArray();

        for (int i = 0; i < inputs.length; i++) {
            double want = expected.applyAsDouble(inputs[i]);
            assertEquals(want, outputs[i], 1e-14 * Math.max(1, Math.abs(want)), name + " at " + inputs[i]);
        }
    }

    /** Points chosen away from kinks (0) and the softplus threshold, on both sides of 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void gradientMatchesFiniteDifferences(String name) {
        Tensor x = Tensor.of(new double[] {-4.5, -1.3, -0.2, 0.05, 0.7, 2.2, 6.0, 12.5}, 2, 4);
        GradientCheck.assertClose(name, inputs -> ACTIVATIONS.get(name).apply(inputs.get(0)), List.of(x));
    }

    @Test
    void parameterizedActivationsMatchFiniteDifferences() {
        Tensor x = Tensor.of(new double[] {-3.1, -0.4, 0.3, 1.7, 4.0, 9.5}, 6);
        GradientCheck.assertClose("elu(0.7)", in -> Activations.elu(in.get(0), 0.7), List.of(x));
        GradientCheck.assertClose("leakyRelu(0.2)", in -> Activations.leakyRelu(in.get(0), 0.2), List.of(x));
        GradientCheck.assertClose("softplus(2, 5)", in -> Activations.softplus(in.get(0), 2, 5), List.of(x));
    }

    @Test
    void softplusReturnsInputAboveThreshold() {
        Tensor x = Tensor.of(new double[] {20.5, 100, 1000, 3.0}, 4).setRequiresGrad(true);
        Tensor y = Activations.softplus(x, 2, 6);
        y.sum().backward();

        double[] values = y.toDoubleArray();
        assertEquals(20.5, values[0], 0);
        assertEquals(100, values[1], 0);
        assertEquals(1000, values[2], 0);
        assertEquals(Math.log1p(Math.exp(6.0)) / 2, values[3], 1e-15);
        double[] gradient = x.grad().toDoubleArray();
        assertEquals(1, gradient[2], 0);
        assertEquals(1 / (1 + Math.exp(-6.0)), gradient[3], 1e-15);
    }

    @Test
    void geluTanhStaysNearExactGelu() {
        Tensor x = Tensor.linspace(-10, 10, 20001, DataType.FLOAT64);
        double[] exact = Activations.gelu(x).toDoubleArray();
        double[] approximate = Activations.geluTanh(x).toDoubleArray();

        double worst = 0;
        for (int i = 0; i < exact.length; i++) {
            worst = Math.max(worst, Math.abs(exact[i] - approximate[i]));
        }
        assertTrue(worst < 4.8e-4, "max difference " + worst);
        assertTrue(worst > 4.0e-4, "max difference " + worst + " is too small for two different forms");
    }

    @Test
    void nanInputGivesNanOutput() {
        Tensor x = Tensor.of(new double[] {Double.NaN}, 1);
        for (String name : ACTIVATIONS.keySet()) {
            assertTrue(Double.isNaN(ACTIVATIONS.get(name).apply(x).item()), name);
        }
    }

    @Test
    void activationsKeepShapeAndType() {
        Tensor x = Tensor.zeros(DataType.FLOAT32, 2, 3, 4);
        for (String name : ACTIVATIONS.keySet()) {
            Tensor y = ACTIVATIONS.get(name).apply(x);
            assertEquals(x.shape(), y.shape(), name);
            assertEquals(DataType.FLOAT32, y.dataType(), name);
        }
    }

    /** The expression is built lazily, so it runs as one fused evaluation when read. */
    @Test
    void seluStaysLazyUntilRead() {
        Tensor x = Tensor.of(new double[] {-1, 0.5}, 2);
        Tensor y = Activations.selu(x);
        assertTrue(y.isLazy());
        y.realize();
        assertTrue(!y.isLazy());
    }

    @Test
    void invalidParametersAreRejected() {
        Tensor x = Tensor.zeros(3);
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> Activations.elu(x, Double.NaN));
        assertEquals("elu: alpha must be finite, got NaN", alpha.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(x, Double.POSITIVE_INFINITY));
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> Activations.softplus(x, 0, 20));
        assertEquals("softplus: beta must be > 0, got 0.0", beta.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.softplus(x, 1, Double.NaN));
    }

    @Test
    void integerInputIsRejected() {
        Tensor labels = Tensor.of(new int[] {1, 2}, 2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Activations.selu(labels));
        assertTrue(error.getMessage().contains("int32"), error.getMessage());
    }
}
