package org.cortexj.optim.schedule;

/** Argument checks shared by the schedules; messages name the schedule, the value and the rule. */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    static void rate(String schedule, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be finite and >= 0, got " + value);
        }
    }

    static void atLeastOne(String schedule, String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be >= 1, got " + value);
        }
    }

    /** Accepts decay factors in (0, 1]. */
    static void decayFactor(String schedule, String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be in (0, 1], got " + value);
        }
    }

    static void step(String schedule, long step) {
        if (step < 0) {
            throw new IllegalArgumentException(schedule + ": step must be >= 0, got " + step);
        }
    }
}
