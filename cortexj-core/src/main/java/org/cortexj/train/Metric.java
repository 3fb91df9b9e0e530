package org.cortexj.train;

/** The evaluation metric that early stopping and best-network selection watch. */
public enum Metric {
    TEST_ACCURACY(true),
    TEST_LOSS(false);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public double of(EpochMetrics metrics) {
        return this == TEST_ACCURACY ? metrics.testAccuracy() : metrics.testLoss();
    }

    /** Whether {@code candidate} beats {@code best}; NaN never does. */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? candidate > best : candidate < best;
    }
}
