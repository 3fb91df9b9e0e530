package org.cortexj.nn.init;

import java.util.Arrays;

/** Argument checks shared by the initializers. */
final class InitChecks {

    private InitChecks() {
    }

    static double positive(String initializer, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(initializer + ": " + name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Returns the fan, after checking that it is not zero, which would make the scale infinite. */
    static long nonZeroFan(String initializer, String name, long fan, int[] shape) {
        if (fan == 0) {
            throw new IllegalArgumentException(initializer + ": " + name + " is 0 for shape "
                    + Arrays.toString(shape) + "; the scale would be infinite");
        }
        return fan;
    }
}
