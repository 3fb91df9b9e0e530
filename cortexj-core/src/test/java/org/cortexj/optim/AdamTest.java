package org.cortexj.optim;

import static org.cortexj.optim.Fixtures.assertClose;
import static org.cortexj.optim.Fixtures.parameter;
import static org.cortexj.optim.Fixtures.setGradient;
import static org.cortexj.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.nn.Parameter;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double LR = 0.1;
    private static final double EPS = 1e-8;

    /**
     * Returns p after a first Adam step, which moves it by lr·g/(|g| + eps) because with
     * m = (1 − β1)·g and v = (1 − β2)·g² both bias corrections cancel exactly.
     */
    private static double firstStep(double p, double g) {
        return p - LR * g / (Math.abs(g) + EPS);
    }

    @Test
    void firstStepMovesByLearningRate() {
        double[] start = {0.5, -1.0, 3.0, 7.0};
        double[] gradient = {2.0, -0.001, 1000.0, 0.0};
        Parameter p = parameter("p", start);
        Adam adam = Adam.builder().learningRate(LR).build(List.of(p));
        setGradient(p, gradient);

        adam.step();

        double[] expected = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            expected[i] = firstStep(start[i], gradient[i]);
        }
        assertClose(expected, p.value(), "p");
        AdamState state = adam.parameterState("0:p").orElseThrow();
        assertEquals(1, state.step());
        assertClose(new double[] {0.2, -1e-4, 100.0, 0.0}, state.firstMoment(), "m");
        assertClose(new double[] {0.004, 1e-9, 1000.0, 0.0}, state.secondMoment(), "v");
        assertNull(state.maxSecondMoment(), "no AMSGrad maximum without AMSGrad");
    }

    @Test
    void constantGradientKeepsStepSize() {
        // With a constant gradient, m/(1 − β1^t) = g and v/(1 − β2^t) = g² at every step.
        Parameter p = parameter("p", 1.0, -2.0);
        Adam adam = Adam.builder().learningRate(LR).build(List.of(p));

        for (int t = 0; t < 5; t++) {
            setGradient(p, 0.5, -4.0);
            adam.step();
        }

        double[] expected = {1.0 - 5 * LR * 0.5 / (0.5 + EPS), -2.0 + 5 * LR * 4.0 / (4.0 + EPS)};
        assertClose(expected, p.value(), 1e-12, 0, "p after 5 steps");
        assertEquals(5, adam.parameterState("0:p").orElseThrow().step());
    }

    @Test
    void l2WeightDecayEntersMoments() {
        Parameter p = parameter("p", 2.0, -3.0);
        Adam adam = Adam.builder().learningRate(LR).weightDecay(0.5).build(List.of(p));
        setGradient(p, 0.25, 1.0);

        adam.step();

        // g' = g + 0.5·p = [1.25, −0.5]
        assertClose(new double[] {firstStep(2.0, 1.25), firstStep(-3.0, -0.5)}, p.value(), "p");
        assertClose(new double[] {0.125, -0.05}, adam.parameterState("0:p").orElseThrow().firstMoment(), "m");
    }

    @Test
    void adamWDecaysBeforeUpdate() {
        Parameter p = parameter("p", 2.0, -3.0);
        AdamW adamW = AdamW.builder().learningRate(LR).weightDecay(0.5).build(List.of(p));
        setGradient(p, 0.25, 1.0);

        adamW.step();

        // p·(1 − 0.1·0.5) = [1.9, −2.85], then the plain first step with g
        assertClose(new double[] {firstStep(1.9, 0.25), firstStep(-2.85, 1.0)}, p.value(), "p");
        assertClose(new double[] {0.025, 0.1}, adamW.parameterState("0:p").orElseThrow().firstMoment(), "m");
    }

    @Test
    void amsgradMatchesPythonLoop() {
        double[][] gradients = {{1.0, -0.4, 1.5}, {0.01, 0.2, 0.8}, {0.001, -0.6, 0.01}};
        double[][] params = {
                {0.4900000001, -1.24000000025, 1.9900000000666667},
                {0.483243616120839, -1.2373330060436865, 1.9805733001933026},
                {0.4780289069802255, -1.2309900841200405, 1.9732689071703176}};
        double[][] secondMoments = {
                {0.010000000000000009, 0.0016000000000000016, 0.02250000000000002},
                {0.009901000000000009, 0.0019840000000000023, 0.028675000000000027},
                {0.009802000000000009, 0.0055641600000000055, 0.02838925000000003}};
        double[][] maxima = {
                {0.010000000000000009, 0.0016000000000000016, 0.02250000000000002},
                {0.010000000000000009, 0.0019840000000000023, 0.028675000000000027},
                {0.010000000000000009, 0.0055641600000000055, 0.028675000000000027}};
        Parameter p = parameter("p", 0.5, -1.25, 2.0);
        Adam adam = Adam.builder().learningRate(0.01).betas(0.9, 0.99).amsgrad(true).build(List.of(p));

        for (int t = 0; t < 3; t++) {
            setGradient(p, gradients[t]);
            adam.step();
            AdamState state = adam.parameterState("0:p").orElseThrow();
            assertClose(params[t], p.value(), "p after step " + (t + 1));
            assertClose(secondMoments[t], state.secondMoment(), "v after step " + (t + 1));
            assertClose(maxima[t], state.maxSecondMoment(), "max v after step " + (t + 1));
        }
    }

    @Test
    void stepCountIsPerParameter() {
        Parameter first = parameter("first", 1.0);
        Parameter late = parameter("late", 4.0);
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("first", first);
        named.put("late", late);
        Adam adam = Adam.builder().learningRate(LR).build(named);

        setGradient(first, 1.0);
        adam.step();
        setGradient(late, -2.0);
        adam.step();

        assertEquals(2, adam.stepCount());
        assertEquals(2, adam.parameterState("first").orElseThrow().step());
        assertEquals(1, adam.parameterState("late").orElseThrow().step());
        // The late parameter's first update is a first step: its bias corrections use t = 1.
        assertClose(new double[] {firstStep(4.0, -2.0)}, late.value(), "late");
    }

    @Test
    void defaultsMatchPyTorch() {
        Adam adam = Adam.builder().build(List.of(parameter("p", 1.0)));
        assertEquals(1e-3, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.epsilon());
        assertEquals(0.0, adam.weightDecay());
        assertFalse(adam.amsgrad());

        AdamW adamW = AdamW.builder().build(List.of(parameter("p", 1.0)));
        assertEquals(0.01, adamW.weightDecay());
        assertEquals(1e-3, adamW.learningRate());
        assertTrue(adamW.name().equals("AdamW"));
    }

    @Test
    void settingsRejectedWithRangeInMessage() {
        List<Parameter> ps = List.of(parameter("p", 1.0));
        assertMessage("Adam: beta1 must be in [0, 1), got 1.2", () -> Adam.builder().betas(1.2, 0.999).build(ps));
        assertMessage("Adam: beta2 must be in [0, 1), got 1.0", () -> Adam.builder().betas(0.9, 1.0).build(ps));
        assertMessage("Adam: beta1 must be in [0, 1), got -0.1", () -> Adam.builder().betas(-0.1, 0.9).build(ps));
        assertMessage("Adam: epsilon must be finite and >= 0, got -1.0E-8",
                () -> Adam.builder().epsilon(-1e-8).build(ps));
        assertMessage("Adam: weight decay must be finite and >= 0, got Infinity",
                () -> Adam.builder().weightDecay(Double.POSITIVE_INFINITY).build(ps));
        assertMessage("Adam: learning rate must be finite and >= 0, got -0.001",
                () -> Adam.builder().learningRate(-1e-3).build(ps));
        assertMessage("AdamW: beta2 must be in [0, 1), got NaN",
                () -> AdamW.builder().betas(0.9, Double.NaN).build(ps));
    }
}
