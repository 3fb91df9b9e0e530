package org.cortexj.optim.schedule;

import java.util.Objects;

/**
 * Raises the learning rate linearly during the first {@code warmupSteps} steps, then follows
 * another schedule that starts when the warm-up ends.
 *
 * <p>With r = {@code after.learningRate(0)} and W = {@code warmupSteps}:
 * rate(t) = r · (t + 1) / W for t < W, and {@code after.learningRate(t − W)} for t ≥ W. The
 * first update uses r / W rather than 0, so no step is wasted, and the last warm-up step
 * reaches r. Example: W = 4 over a constant 0.1 gives 0.025, 0.05, 0.075, 0.1, 0.1, ...
 *
 * @param warmupSteps number of warm-up steps, >= 1
 * @param after schedule that follows the warm-up, evaluated from its own step 0
 */
public record LinearWarmup(long warmupSteps, LearningRateSchedule after) implements LearningRateSchedule {

    public LinearWarmup {
        ScheduleChecks.atLeastOne("LinearWarmup", "warmupSteps", warmupSteps);
        Objects.requireNonNull(after, "LinearWarmup: after must not be null");
    }

    @Override
    public double learningRate(long step) {
        ScheduleChecks.step("LinearWarmup", step);
        if (step >= warmupSteps) {
            return after.learningRate(step - warmupSteps);
        }
        return after.learningRate(0) * (step + 1) / warmupSteps;
    }
}
