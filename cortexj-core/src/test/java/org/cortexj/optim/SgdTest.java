package org.cortexj.optim;

import static org.cortexj.optim.Fixtures.assertClose;
import static org.cortexj.optim.Fixtures.parameter;
import static org.cortexj.optim.Fixtures.setGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cortexj.nn.Parameter;
import org.junit.jupiter.api.Test;

class SgdTest {

    /** Gradients of the three-step loops; expected values come from a plain Python float loop. */
    private static final double[] START = {0.5, -1.25, 2.0};
    private static final double[][] GRADIENTS = {{0.1, -0.4, 1.5}, {-0.3, 0.2, 0.8}, {0.05, -0.6, -1.1}};

    @Test
    void plainStepMatchesHandValues() {
        Parameter p = parameter("p", 1.0, -2.0);
        SGD sgd = SGD.builder(0.1).build(List.of(p));
        setGradient(p, 0.5, 0.25);

        sgd.step();

        // p − 0.1·g = [1 − 0.05, −2 − 0.025]
        assertClose(new double[] {0.95, -2.025}, p.value(), "p");
        assertTrue(sgd.parameterState("0:p").isEmpty(), "SGD without momentum keeps no state");
    }

    @Test
    void weightDecayAddsL2Term() {
        Parameter p = parameter("p", 2.0);
        SGD sgd = SGD.builder(0.1).weightDecay(0.5).build(List.of(p));
        setGradient(p, 1.0);

        sgd.step();

        // g = 1 + 0.5·2 = 2, p = 2 − 0.1·2
        assertClose(new double[] {1.8}, p.value(), "p");
    }

    @Test
    void momentumBufferStartsAtGradient() {
        Parameter p = parameter("p", 1.0);
        SGD sgd = SGD.builder(0.1).momentum(0.9).build(List.of(p));

        setGradient(p, 1.0);
        sgd.step();
        // b = g = 1, p = 1 − 0.1
        assertClose(new double[] {0.9}, p.value(), "p after step 1");
        assertClose(new double[] {1.0}, sgd.parameterState("0:p").orElseThrow().buffer(), "buffer after step 1");

        setGradient(p, 1.0);
        sgd.step();
        // b = 0.9·1 + 1 = 1.9, p = 0.9 − 0.19
        assertClose(new double[] {0.71}, p.value(), "p after step 2");
        assertClose(new double[] {1.9}, sgd.parameterState("0:p").orElseThrow().buffer(), "buffer after step 2");
    }

    @Test
    void nesterovUsesLookaheadDirection() {
        Parameter p = parameter("p", 1.0);
        SGD sgd = SGD.builder(0.1).momentum(0.9).nesterov(true).build(List.of(p));

        setGradient(p, 1.0);
        sgd.step();
        // b = 1, d = 1 + 0.9·1 = 1.9, p = 1 − 0.19
        assertClose(new double[] {0.81}, p.value(), "p after step 1");

        setGradient(p, 1.0);
        sgd.step();
        // b = 1.9, d = 1 + 0.9·1.9 = 2.71, p = 0.81 − 0.271
        assertClose(new double[] {0.539}, p.value(), "p after step 2");
    }

    @Test
    void dampeningMatchesPythonLoop() {
        double[][] params = {
                {0.4895, -1.20875, 1.8479999999999999},
                {0.49480525, -1.181020625, 1.6702759999999999},
                {0.49683257237499995, -1.1254736771875, 1.564489262}};
        double[][] buffers = {
                {0.10500000000000001, -0.41250000000000003, 1.52},
                {-0.05305249999999999, -0.27729375, 1.7772400000000002},
                {-0.02027322374999999, -0.555469478125, 1.0578673800000002}};
        Parameter p = parameter("p", START);
        SGD sgd = SGD.builder(0.1).momentum(0.9).dampening(0.5).weightDecay(0.01).build(List.of(p));

        for (int t = 0; t < 3; t++) {
            setGradient(p, GRADIENTS[t]);
            sgd.step();
            assertClose(params[t], p.value(), "p after step " + (t + 1));
            assertClose(buffers[t], sgd.parameterState("0:p").orElseThrow().buffer(), "buffer after step " + (t + 1));
        }
    }

    @Test
    void nesterovWithWeightDecayMatchesPythonLoop() {
        double[][] params = {
                {0.48005, -1.171625, 1.7112},
                {0.5276329049999999, -1.1739864125, 1.43282872},
                {0.5333870619804999, -1.0429355720662499, 1.462112273432}};
        Parameter p = parameter("p", START);
        SGD sgd = SGD.builder(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build(List.of(p));

        for (int t = 0; t < 3; t++) {
            setGradient(p, GRADIENTS[t]);
            sgd.step();
            assertClose(params[t], p.value(), "p after step " + (t + 1));
        }
    }

    @Test
    void settingsRejectedWithRangeInMessage() {
        List<Parameter> ps = List.of(parameter("p", 1.0));
        assertMessage("SGD: learning rate must be finite and >= 0, got -0.1", () -> SGD.builder(-0.1).build(ps));
        assertMessage("SGD: learning rate must be finite and >= 0, got NaN", () -> SGD.builder(Double.NaN).build(ps));
        assertMessage("SGD: momentum must be in [0, 1), got 1.0", () -> SGD.builder(0.1).momentum(1).build(ps));
        assertMessage("SGD: dampening must be in [0, 1], got 1.5", () -> SGD.builder(0.1).dampening(1.5).build(ps));
        assertMessage("SGD: weight decay must be finite and >= 0, got -0.01",
                () -> SGD.builder(0.1).weightDecay(-0.01).build(ps));
        assertMessage("SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum 0.0 and dampening 0.0",
                () -> SGD.builder(0.1).nesterov(true).build(ps));
        assertMessage("SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.1",
                () -> SGD.builder(0.1).momentum(0.9).dampening(0.1).nesterov(true).build(ps));
    }

    static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, error.getMessage());
    }
}
