package org.cortexj.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    private static final double[] VALUES = {0.5, -1.0, 2.0, 0.25, -0.75, 1.5};

    @Test
    void correctGradientPasses() {
        Tensor x = Tensor.of(VALUES, 2, 3);
        Tensor y = Tensor.of(new double[] {1.0, 2.0, -1.0}, 3);
        GradientCheck.Result result = GradientCheck.check(
                in -> in.get(0).mul(in.get(1)).exp().add(in.get(0).square()), List.of(x, y));

        assertTrue(result.passed(), result.describe("exp(x*y) + x^2"));
        assertEquals(9, result.elementsChecked());
        assertTrue(result.absoluteError() < 1e-6, result.describe("exp(x*y) + x^2"));
    }

    /**
     * Σ x·detach(x) has autograd gradient x but true derivative 2x, so the check must fail.
     * The scalar output has one random weight, so the worst element is the one with the
     * largest |x|: 2.0 at [1, 0] of input 1.
     */
    @Test
    void wrongGradientIsReportedAtWorstElement() {
        Tensor unused = Tensor.of(new double[] {3.0}, 1);
        Tensor x = Tensor.of(new double[] {0.5, -1.0, 0.25, 2.0, -0.75, 1.5}, 2, 3);
        GradientCheck.Result result = GradientCheck.check(
                in -> in.get(1).mul(in.get(1).detach()).sum().add(in.get(0).sum()), List.of(unused, x));

        assertFalse(result.passed());
        assertEquals(1, result.inputIndex());
        assertArrayEquals(new int[] {1, 0}, result.elementIndex());
        assertEquals(2.0, result.numeric() / result.analytic(), 1e-6);
        assertEquals(Math.abs(result.numeric() - result.analytic()), result.absoluteError(), 0);
        assertEquals(0.5, result.relativeError(), 1e-6);
    }

    @Test
    void assertCloseThrowsNamingElement() {
        Tensor x = Tensor.of(VALUES, 3, 2);
        AssertionError error = assertThrows(AssertionError.class, () -> GradientCheck.assertClose("halfSquare",
                in -> in.get(0).mul(in.get(0).detach()).sum(), List.of(x)));

        String message = error.getMessage();
        assertTrue(message.startsWith("halfSquare: analytic and numeric gradients differ; worst element is input 0 "
                + "index [1, 0]: analytic "), message);
        assertTrue(message.contains("numeric "), message);
        assertTrue(message.contains("rtol 1.0E-5, atol 1.0E-6"), message);
    }

    @Test
    void integerInputsArePassedThrough() {
        Tensor x = Tensor.of(VALUES, 6);
        Tensor mask = Tensor.of(new int[] {1, 0, 1, 1, 0, 0}, 6);
        GradientCheck.Result result = GradientCheck.check(
                in -> Tensor.where(in.get(1).toType(DataType.FLOAT64), in.get(0).square(), in.get(0)),
                List.of(x, mask));
        assertTrue(result.passed(), result.describe("masked square"));
        assertEquals(6, result.elementsChecked());
    }

    @Test
    void inputWithoutEffectHasZeroGradient() {
        Tensor x = Tensor.of(VALUES, 6);
        Tensor ignored = Tensor.of(new double[] {4, 5}, 2);
        GradientCheck.Result result = GradientCheck.check(in -> in.get(0).tanh(), List.of(x, ignored));
        assertTrue(result.passed(), result.describe("tanh"));
        assertEquals(8, result.elementsChecked());
    }

    @Test
    void float32InputsAreCheckedInFloat64() {
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f}, 2);
        GradientCheck.Result result = GradientCheck.check(in -> in.get(0).sigmoid(), List.of(x));
        assertTrue(result.passed(), result.describe("sigmoid"));
        assertTrue(result.absoluteError() < 1e-9, result.describe("sigmoid"));
    }

    @Test
    void rankZeroInputHasEmptyIndex() {
        GradientCheck.Result result = GradientCheck.check(in -> in.get(0).mul(in.get(0).detach()),
                List.of(Tensor.scalar(1.5, DataType.FLOAT64)));
        assertFalse(result.passed());
        assertArrayEquals(new int[0], result.elementIndex());
    }

    @Test
    void noFloatInputsPassTrivially() {
        GradientCheck.Result result = GradientCheck.check(in -> Tensor.zeros(DataType.FLOAT64, 2),
                List.of(Tensor.of(new int[] {1}, 1)));
        assertTrue(result.passed());
        assertEquals(-1, result.inputIndex());
        assertEquals("f: no float input elements to check", result.describe("f"));
    }

    @Test
    void float32OutputIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(
                in -> in.get(0).toType(DataType.FLOAT32), List.of(Tensor.of(VALUES, 6))));
        assertTrue(error.getMessage().startsWith("GradientCheck: the function returned float32 of shape [6]"),
                error.getMessage());
    }

    @Test
    void tolerancesDecideTheVerdict() {
        Tensor x = Tensor.of(VALUES, 6);
        GradientCheck.Options loose = GradientCheck.Options.DEFAULT.withTolerances(0.6, 10);
        assertTrue(GradientCheck.check(in -> in.get(0).mul(in.get(0).detach()), List.of(x), loose).passed());
        GradientCheck.Options exact = GradientCheck.Options.DEFAULT.withTolerances(0, 0).withEpsilon(1e-3);
        assertFalse(GradientCheck.check(in -> in.get(0).exp(), List.of(x), exact).passed());
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Options(0, 1e-5, 1e-6, 1));
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Options(1e-6, -1, 1e-6, 1));
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Options(1e-6, 1e-5, Double.NaN, 1));
    }
}
