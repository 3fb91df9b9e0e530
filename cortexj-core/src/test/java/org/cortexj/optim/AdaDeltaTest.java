package org.cortexj.optim;

import static org.cortexj.optim.Fixtures.assertClose;
import static org.cortexj.optim.Fixtures.parameter;
import static org.cortexj.optim.Fixtures.setGradient;
import static org.cortexj.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cortexj.nn.Parameter;
import org.junit.jupiter.api.Test;

class AdaDeltaTest {

    private static final double[] START = {0.5, -1.25, 2.0};
    private static final double[][] GRADIENTS = {{0.1, -0.4, 1.5}, {-0.3, 0.2, 0.8}, {0.05, -0.6, -1.1}};

    @Test
    void firstStepMatchesHandDerivation() {
        Parameter p = parameter("p", 3.0);
        AdaDelta adaDelta = AdaDelta.builder().build(List.of(p));
        setGradient(p, 2.0);

        adaDelta.step();

        // E[g²] = 0.1·4 = 0.4, Δ = √(0 + 1e-6)/√(0.4 + 1e-6)·2, E[Δx²] = 0.1·Δ², p = 3 − Δ
        double delta = 1e-3 / Math.sqrt(0.400001) * 2;
        AdaDeltaState state = adaDelta.parameterState("0:p").orElseThrow();
        assertClose(new double[] {0.4}, state.squareAverage(), "E[g²]");
        assertClose(new double[] {0.1 * delta * delta}, state.deltaAverage(), "E[Δx²]");
        assertClose(new double[] {3.0 - delta}, p.value(), "p");
    }

    @Test
    void defaultsMatchPythonLoop() {
        double[][] params = {
                {0.4968393022937949, -1.2468378211563764, 1.9968377293670918},
                {0.5011020362650882, -1.2489228760600208, 1.994646160709607},
                {0.5000949942835463, -1.24492403656229, 1.9974713266855193}};
        double[][] deltaAverages = {
                {9.990009990009993e-07, 9.99937503906006e-07, 9.999955555753088e-07},
                {2.7161909901027164e-06, 1.3346891486365418e-06, 1.380293318064689e-06},
                {2.5459852463512242e-06, 2.800291966634049e-06, 2.040420265403428e-06}};
        Parameter p = parameter("p", START);
        AdaDelta adaDelta = AdaDelta.builder().build(List.of(p));

        for (int t = 0; t < 3; t++) {
            setGradient(p, GRADIENTS[t]);
            adaDelta.step();
            assertClose(params[t], p.value(), "p after step " + (t + 1));
            assertClose(deltaAverages[t], adaDelta.parameterState("0:p").orElseThrow().deltaAverage(),
                    "E[Δx²] after step " + (t + 1));
        }
    }

    @Test
    void weightDecayAndRateMatchPythonLoop() {
        double[][] params = {
                {0.4785714285714286, -1.2277200085522817, 1.9776470534708759},
                {0.5050540039531921, -1.2324131524322404, 1.9613412903412828},
                {0.4917033781775193, -1.20659156012251, 1.9765651039936003}};
        double[][] squareAverages = {
                {0.0011250000000000012, 0.013781250000000012, 0.14450000000000013},
                {0.004247551020408167, 0.013390395692595257, 0.1870517203618182},
                {0.00454024024481893, 0.03887477591170294, 0.218547809978572}};
        Parameter p = parameter("p", START);
        AdaDelta adaDelta = AdaDelta.builder().learningRate(0.5).rho(0.95).epsilon(1e-4).weightDecay(0.1)
                .build(List.of(p));

        for (int t = 0; t < 3; t++) {
            setGradient(p, GRADIENTS[t]);
            adaDelta.step();
            assertClose(params[t], p.value(), "p after step " + (t + 1));
            assertClose(squareAverages[t], adaDelta.parameterState("0:p").orElseThrow().squareAverage(),
                    "E[g²] after step " + (t + 1));
        }
    }

    @Test
    void defaultsAreDocumentedValues() {
        AdaDelta adaDelta = AdaDelta.builder().build(List.of(parameter("p", 1.0)));
        assertEquals(1.0, adaDelta.learningRate());
        assertEquals(0.9, adaDelta.rho());
        assertEquals(1e-6, adaDelta.epsilon());
        assertEquals(0.0, adaDelta.weightDecay());
    }

    @Test
    void settingsRejectedWithRangeInMessage() {
        List<Parameter> ps = List.of(parameter("p", 1.0));
        assertMessage("AdaDelta: rho must be in [0, 1], got 1.5", () -> AdaDelta.builder().rho(1.5).build(ps));
        assertMessage("AdaDelta: epsilon must be finite and > 0, got 0.0",
                () -> AdaDelta.builder().epsilon(0).build(ps));
        assertMessage("AdaDelta: weight decay must be finite and >= 0, got -1.0",
                () -> AdaDelta.builder().weightDecay(-1).build(ps));
        assertMessage("AdaDelta: learning rate must be finite and >= 0, got -1.0",
                () -> AdaDelta.builder().learningRate(-1).build(ps));
    }
}
