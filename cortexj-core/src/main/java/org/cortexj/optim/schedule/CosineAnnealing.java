package org.cortexj.optim.schedule;

/**
 * Lowers the learning rate along half a cosine from {@code initialRate} at step 0 to
 * {@code minimumRate} at step {@code period}, and keeps the minimum after that:
 * rate(t) = minimumRate + (initialRate − minimumRate) · (1 + cos(π·t / period)) / 2 for
 * t ≤ period. This is the annealing of Loshchilov and Hutter 2017, "SGDR: Stochastic Gradient
 * Descent with Warm Restarts", without the restarts.
 *
 * @param initialRate rate at step 0, finite and >= 0
 * @param minimumRate rate from step {@code period} on, finite, in [0, initialRate]
 * @param period number of steps of the descent, >= 1
 */
public record CosineAnnealing(double initialRate, double minimumRate, long period) implements LearningRateSchedule {

    public CosineAnnealing {
        ScheduleChecks.rate("CosineAnnealing", "initialRate", initialRate);
        ScheduleChecks.rate("CosineAnnealing", "minimumRate", minimumRate);
        if (minimumRate > initialRate) {
            throw new IllegalArgumentException("CosineAnnealing: minimumRate " + minimumRate
                    + " is above initialRate " + initialRate + "; the schedule only decreases");
        }
        ScheduleChecks.atLeastOne("CosineAnnealing", "period", period);
    }

    @Override
    public double learningRate(long step) {
        ScheduleChecks.step("CosineAnnealing", step);
        if (step >= period) {
            return minimumRate;
        }
        double progress = (double) step / period;
        return minimumRate + (initialRate - minimumRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
