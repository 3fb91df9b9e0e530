package org.cortexj.optim.schedule;

/**
 * Multiplies the learning rate by {@code gamma} every {@code period} steps:
 * rate(t) = initialRate · gamma^⌊t / period⌋.
 *
 * <p>Example: initial rate 0.1, period 100, gamma 0.5 gives 0.1 for steps 0..99, 0.05 for
 * steps 100..199, and so on.
 *
 * @param initialRate rate for steps 0 to period − 1, finite and >= 0
 * @param period number of steps between decays, >= 1
 * @param gamma decay factor in (0, 1]
 */
public record StepDecay(double initialRate, long period, double gamma) implements LearningRateSchedule {

    public StepDecay {
        ScheduleChecks.rate("StepDecay", "initialRate", initialRate);
        ScheduleChecks.atLeastOne("StepDecay", "period", period);
        ScheduleChecks.decayFactor("StepDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(long step) {
        ScheduleChecks.step("StepDecay", step);
        return initialRate * Math.pow(gamma, step / period);
    }
}
