package org.cortexj.optim;

import static org.cortexj.optim.Fixtures.assertClose;
import static org.cortexj.optim.Fixtures.parameter;
import static org.cortexj.optim.Fixtures.setGradient;
import static org.cortexj.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Behaviour that every optimizer shares through {@link Optimizer}. */
class OptimizerTest {

    /** A module with a parameter of its own and one in a child, for dotted names. */
    private static final class TwoLevel extends Module {
        TwoLevel() {
            addParameter("scale", Tensor.of(new double[] {1, 2}, 2));
            addChild("inner", new Leaf());
        }

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    private static final class Leaf extends Module {
        Leaf() {
            addParameter("weight", Tensor.of(new double[] {3, 4, 5, 6}, 2, 2));
        }

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    @Test
    void stepSkipsParametersWithoutGradient() {
        Parameter updated = parameter("updated", 1.0, 2.0);
        Parameter untouched = parameter("untouched", 3.0, 4.0);
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("updated", updated);
        named.put("untouched", untouched);
        Adam adam = Adam.builder().learningRate(0.1).build(named);
        setGradient(updated, 1.0, 1.0);

        adam.step();

        assertArrayEquals(new double[] {3.0, 4.0}, untouched.value().toDoubleArray());
        assertTrue(adam.parameterState("untouched").isEmpty(), "no state for a parameter without gradient");
        assertFalse(adam.state().parameters().containsKey("untouched"), "no saved state without gradient");
        assertTrue(updated.value().get(0) < 1.0, "the parameter with a gradient moved");
    }

    @Test
    void stepCountCountsEveryCall() {
        Parameter p = parameter("p", 1.0);
        SGD sgd = SGD.builder(0.1).build(List.of(p));

        sgd.step();
        setGradient(p, 1.0);
        sgd.step();
        sgd.step();

        assertEquals(3, sgd.stepCount());
        // The gradient stays until zeroGrad, so the second and third calls both moved p.
        assertClose(new double[] {0.8}, p.value(), "p");
    }

    @Test
    void zeroGradClearsAllGradients() {
        Parameter a = parameter("a", 1.0);
        Parameter b = parameter("b", 2.0);
        SGD sgd = SGD.builder(0.1).build(List.of(a, b));
        setGradient(a, 1.0);
        setGradient(b, 1.0);

        sgd.zeroGrad();

        assertNull(a.grad());
        assertNull(b.grad());
    }

    @Test
    void learningRateSetterChecksValue() {
        Parameter p = parameter("p", 1.0);
        SGD sgd = SGD.builder(0.1).build(List.of(p));

        sgd.setLearningRate(0.5);
        setGradient(p, 1.0);
        sgd.step();

        assertEquals(0.5, sgd.learningRate());
        assertClose(new double[] {0.5}, p.value(), "p");
        assertMessage("SGD: learning rate must be finite and >= 0, got -0.1", () -> sgd.setLearningRate(-0.1));
        assertMessage("SGD: learning rate must be finite and >= 0, got Infinity",
                () -> sgd.setLearningRate(Double.POSITIVE_INFINITY));
        assertEquals(0.5, sgd.learningRate(), "a rejected value leaves the rate unchanged");
    }

    @Test
    void emptyParameterListRejected() {
        assertMessage("Adam: the parameter list is empty; pass the parameters of a module that has some",
                () -> Adam.builder().build(List.of()));
    }

    @Test
    void duplicateParameterRejected() {
        Parameter p = parameter("p", 1.0);
        assertMessage("SGD: parameter 1:p is the same tensor as 0:p; pass each parameter once, or it would be "
                + "updated twice per step", () -> SGD.builder(0.1).build(List.of(p, p)));
    }

    @Test
    void gradientTypeMismatchRejected() {
        Parameter good = parameter("good", DataType.FLOAT64, 1.0);
        Parameter p = parameter("p", DataType.FLOAT64, 1.0);
        SGD sgd = SGD.builder(0.1).build(List.of(good, p));
        setGradient(good, 1.0);
        p.value().setGrad(Tensor.of(new float[] {1f}, 1));

        assertMessage("SGD: gradient of 1:p is float32 but the parameter is float64; compute the loss in the "
                + "parameter's data type", sgd::step);
        assertEquals(1.0, good.value().get(0), "a rejected step changes no parameter");
        assertEquals(0, sgd.stepCount());
    }

    @Test
    void moduleParametersKeyedByDottedPath() {
        TwoLevel module = new TwoLevel();
        SGD sgd = SGD.builder(0.1).momentum(0.9).build(module);

        assertEquals(List.of("scale", "inner.weight"), List.copyOf(sgd.parameters().keySet()));
        module.namedParameters().get("inner.weight").value().setGrad(Tensor.ones(DataType.FLOAT64, 2, 2));
        sgd.step();

        assertEquals(List.of("inner.weight"), List.copyOf(sgd.state().parameters().keySet()));
        assertClose(new double[] {2.9, 3.9, 4.9, 5.9}, module.namedParameters().get("inner.weight").value(), "weight");
    }

    @Test
    void listParametersKeyedByPosition() {
        Adam adam = Adam.builder().build(List.of(parameter("weight", 1.0), parameter("bias", 2.0)));
        assertEquals(List.of("0:weight", "1:bias"), List.copyOf(adam.parameters().keySet()));
    }

    @Test
    void stepRunsWhileRecordingIsOn() {
        Parameter p = parameter("p", 1.0, 2.0);
        AdamW adamW = AdamW.builder().learningRate(0.1).build(List.of(p));
        setGradient(p, 1.0, -1.0);

        assertTrue(GradMode.isEnabled());
        adamW.step();

        assertTrue(GradMode.isEnabled(), "step restores the recording mode");
        assertTrue(p.value().isLeaf(), "the update is not recorded");
        assertTrue(p.value().requiresGrad());
    }

    @Test
    void momentumBufferFromBroadcastGradient() {
        // A gradient may be a stride-0 view, but the buffer built from it must own its elements.
        Parameter p = parameter("p", 1.0, 2.0, 3.0);
        SGD sgd = SGD.builder(0.1).momentum(0.5).build(List.of(p));
        p.value().setGrad(Tensor.of(new double[] {1.0}, 1).expand(3));

        sgd.step();
        p.value().setGrad(Tensor.of(new double[] {2.0}, 1).expand(3));
        sgd.step();

        // b = 1, then b = 0.5·1 + 2 = 2.5, so p = p − 0.1 − 0.25
        assertClose(new double[] {2.5, 2.5, 2.5}, sgd.parameterState("0:p").orElseThrow().buffer(), "buffer");
        assertClose(new double[] {0.65, 1.65, 2.65}, p.value(), "p");
    }
}
