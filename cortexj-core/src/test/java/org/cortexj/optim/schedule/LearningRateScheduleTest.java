package org.cortexj.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Parameter;
import org.cortexj.optim.SGD;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void stepDecayHalvesEveryPeriod() {
        StepDecay schedule = new StepDecay(0.1, 3, 0.5);

        assertEquals(0.1, schedule.learningRate(0), TOLERANCE);
        assertEquals(0.1, schedule.learningRate(2), TOLERANCE);
        assertEquals(0.05, schedule.learningRate(3), TOLERANCE);
        assertEquals(0.05, schedule.learningRate(5), TOLERANCE);
        assertEquals(0.025, schedule.learningRate(6), TOLERANCE);
        assertEquals(0.1 / 1024, schedule.learningRate(30), TOLERANCE);
    }

    @Test
    void exponentialDecayEveryStep() {
        ExponentialDecay schedule = new ExponentialDecay(0.2, 0.9);

        assertEquals(0.2, schedule.learningRate(0), TOLERANCE);
        assertEquals(0.18, schedule.learningRate(1), TOLERANCE);
        assertEquals(0.162, schedule.learningRate(2), TOLERANCE);
        assertEquals(0.2 * 0.59049, schedule.learningRate(5), TOLERANCE);
    }

    @Test
    void cosineAnnealingHandValues() {
        CosineAnnealing toZero = new CosineAnnealing(0.1, 0.0, 4);
        assertEquals(0.1, toZero.learningRate(0), TOLERANCE);
        // 0.1·(1 + cos(π/4))/2 = 0.05·(1 + √2/2)
        assertEquals(0.08535533905932738, toZero.learningRate(1), TOLERANCE);
        assertEquals(0.05, toZero.learningRate(2), TOLERANCE);
        assertEquals(0.014644660940672627, toZero.learningRate(3), TOLERANCE);
        assertEquals(0.0, toZero.learningRate(4), TOLERANCE);
        assertEquals(0.0, toZero.learningRate(100), TOLERANCE);

        CosineAnnealing toFloor = new CosineAnnealing(0.1, 0.01, 4);
        assertEquals(0.055, toFloor.learningRate(2), TOLERANCE);
        assertEquals(0.01, toFloor.learningRate(9), TOLERANCE);
    }

    @Test
    void linearWarmupRampsThenFollows() {
        LinearWarmup constant = new LinearWarmup(4, LearningRateSchedule.constant(0.1));
        assertEquals(0.025, constant.learningRate(0), TOLERANCE);
        assertEquals(0.05, constant.learningRate(1), TOLERANCE);
        assertEquals(0.075, constant.learningRate(2), TOLERANCE);
        assertEquals(0.1, constant.learningRate(3), TOLERANCE);
        assertEquals(0.1, constant.learningRate(4), TOLERANCE);

        // The wrapped schedule starts at its own step 0 when the warm-up ends.
        LinearWarmup decaying = new LinearWarmup(2, new StepDecay(0.1, 2, 0.5));
        assertEquals(0.05, decaying.learningRate(0), TOLERANCE);
        assertEquals(0.1, decaying.learningRate(1), TOLERANCE);
        assertEquals(0.1, decaying.learningRate(2), TOLERANCE);
        assertEquals(0.1, decaying.learningRate(3), TOLERANCE);
        assertEquals(0.05, decaying.learningRate(4), TOLERANCE);
    }

    @Test
    void applyToUsesOptimizerStepCount() {
        Parameter p = new Parameter("p", Tensor.of(new double[] {10.0}, 1));
        SGD sgd = SGD.builder(1.0).build(List.of(p));
        LearningRateSchedule schedule = new ExponentialDecay(1.0, 0.5);
        double[] expectedRates = {1.0, 0.5, 0.25};

        for (double expectedRate : expectedRates) {
            schedule.applyTo(sgd);
            assertEquals(expectedRate, sgd.learningRate(), TOLERANCE);
            p.value().setGrad(Tensor.ones(DataType.FLOAT64, 1));
            sgd.step();
        }

        assertEquals(10.0 - 1.75, p.value().get(0), TOLERANCE);
    }

    @Test
    void invalidArgumentsRejectedWithValue() {
        assertMessage("StepDecay: period must be >= 1, got 0", () -> new StepDecay(0.1, 0, 0.5));
        assertMessage("StepDecay: gamma must be in (0, 1], got 1.5", () -> new StepDecay(0.1, 10, 1.5));
        assertMessage("StepDecay: initialRate must be finite and >= 0, got -0.1", () -> new StepDecay(-0.1, 10, 0.5));
        assertMessage("StepDecay: step must be >= 0, got -1", () -> new StepDecay(0.1, 10, 0.5).learningRate(-1));
        assertMessage("ExponentialDecay: gamma must be in (0, 1], got 0.0", () -> new ExponentialDecay(0.1, 0));
        assertMessage("CosineAnnealing: minimumRate 0.2 is above initialRate 0.1; the schedule only decreases",
                () -> new CosineAnnealing(0.1, 0.2, 10));
        assertMessage("CosineAnnealing: period must be >= 1, got 0", () -> new CosineAnnealing(0.1, 0, 0));
        assertMessage("LinearWarmup: warmupSteps must be >= 1, got 0",
                () -> new LinearWarmup(0, LearningRateSchedule.constant(0.1)));
        assertMessage("ConstantRate: rate must be finite and >= 0, got NaN",
                () -> LearningRateSchedule.constant(Double.NaN));
        assertThrows(NullPointerException.class, () -> new LinearWarmup(5, null));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, error.getMessage());
    }
}
