package org.cortexj.backend.cpu.codegen;

import java.util.Random;
import org.cortexj.backend.DataType;

/** Seeded input arrays that mix boundary values with ordinary ones. */
final class TestValues {

    /** NaN, infinities, signed zeros, subnormals, the extremes, halfway cases for rounding, and exp's overflow edge. */
    static final double[] SPECIAL_DOUBLES = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 4, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.5, 1e-300, 709.8, -745.2, 1e300, 6.5, -7.25
    };

    static final float[] SPECIAL_FLOATS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 4, Float.MAX_VALUE, -Float.MAX_VALUE,
        1f, -1f, 0.5f, -0.5f, 2.5f, -2.5f, 3.5f, 1e-30f, 88.8f, -104f, 1e30f, 6.5f, -7.25f
    };

    private TestValues() {
    }

    /**
     * Returns {@code size} values of {@code type}: every {@code stride}-th one special, cycling
     * through the special list from {@code phase}, the others drawn from a wide normal
     * distribution, so boundary values land in vector bodies and scalar tails alike.
     */
    static Object array(DataType type, int size, long seed, int phase, int stride) {
        Random random = new Random(seed);
        if (type == DataType.FLOAT32) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = i % stride == 0
                        ? SPECIAL_FLOATS[(phase + i / stride) % SPECIAL_FLOATS.length]
                        : (float) (random.nextGaussian() * 4);
            }
            return values;
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = i % stride == 0
                    ? SPECIAL_DOUBLES[(phase + i / stride) % SPECIAL_DOUBLES.length]
                    : random.nextGaussian() * 4;
        }
        return values;
    }

    /** Values where about a third are exactly 0, a few are NaN, and the rest ordinary. */
    static Object conditions(DataType type, int size, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            int draw = random.nextInt(9);
            if (draw == 0) {
                values[i] = -0.0;
            } else if (draw < 3) {
                values[i] = 0.0;
            } else if (draw == 3) {
                values[i] = Double.NaN;
            } else {
                values[i] = random.nextGaussian();
            }
        }
        if (type == DataType.FLOAT64) {
            return values;
        }
        float[] floats = new float[size];
        for (int i = 0; i < size; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
