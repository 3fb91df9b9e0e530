package org.cortexj.optim;

/**
 * Range checks for optimizer hyperparameters. Each check returns the value it accepted and
 * throws {@link IllegalArgumentException} naming the optimizer, the hyperparameter, the allowed
 * range and the rejected value. NaN fails every check.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static double learningRate(String optimizer, double value) {
        return nonNegative(optimizer, "learning rate", value);
    }

    /** Accepts finite values >= 0. */
    static double nonNegative(String optimizer, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw rejected(optimizer, name, "must be finite and >= 0", value);
        }
        return value;
    }

    /** Accepts finite values > 0. */
    static double positive(String optimizer, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw rejected(optimizer, name, "must be finite and > 0", value);
        }
        return value;
    }

    /** Accepts values in [0, 1). */
    static double unitOpenAbove(String optimizer, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw rejected(optimizer, name, "must be in [0, 1)", value);
        }
        return value;
    }

    /** Accepts values in [0, 1]. */
    static double unitClosed(String optimizer, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw rejected(optimizer, name, "must be in [0, 1]", value);
        }
        return value;
    }

    private static IllegalArgumentException rejected(String optimizer, String name, String rule, double value) {
        return new IllegalArgumentException(optimizer + ": " + name + " " + rule + ", got " + value);
    }
}
