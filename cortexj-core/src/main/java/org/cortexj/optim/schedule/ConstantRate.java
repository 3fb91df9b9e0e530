package org.cortexj.optim.schedule;

/**
 * The same learning rate at every step.
 *
 * @param rate learning rate, finite and >= 0
 */
public record ConstantRate(double rate) implements LearningRateSchedule {

    public ConstantRate {
        ScheduleChecks.rate("ConstantRate", "rate", rate);
    }

    @Override
    public double learningRate(long step) {
        ScheduleChecks.step("ConstantRate", step);
        return rate;
    }
}
