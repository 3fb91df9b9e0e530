package org.cortexj.optim.schedule;

import org.cortexj.optim.Optimizer;

/**
 * Learning rate as a function of the optimizer step: the number of updates applied so far,
 * {@link Optimizer#stepCount()}, starting at 0 for the first update.
 *
 * <p>Schedules count steps, not epochs, so warm-up and decay work at any batch count. For a
 * per-epoch decay, give the period in steps: epochs × batches per epoch. Call
 * {@link #applyTo} before each {@link Optimizer#step()}:
 * <pre>{@code
 * schedule.applyTo(optimizer);   // learning rate for update number optimizer.stepCount()
 * optimizer.step();
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * Returns the learning rate for update number {@code step}.
     *
     * @param step number of updates applied before this one, >= 0
     * @throws IllegalArgumentException if {@code step} is negative
     */
    double learningRate(long step);

    /** Sets the optimizer's learning rate to the value for its next update. */
    default void applyTo(Optimizer optimizer) {
        optimizer.setLearningRate(learningRate(optimizer.stepCount()));
    }

    /** Returns a schedule that keeps {@code rate} at every step. */
    static LearningRateSchedule constant(double rate) {
        return new ConstantRate(rate);
    }
}
