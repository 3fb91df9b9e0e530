package org.cortexj.optim.schedule;

/**
 * Multiplies the learning rate by {@code gamma} at every step: rate(t) = initialRate · gamma^t.
 *
 * @param initialRate rate at step 0, finite and >= 0
 * @param gamma decay factor per step in (0, 1]
 */
public record ExponentialDecay(double initialRate, double gamma) implements LearningRateSchedule {

    public ExponentialDecay {
        ScheduleChecks.rate("ExponentialDecay", "initialRate", initialRate);
        ScheduleChecks.decayFactor("ExponentialDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(long step) {
        ScheduleChecks.step("ExponentialDecay", step);
        return initialRate * Math.pow(gamma, step);
    }
}
