package org.cortexj.backend.cpu.reduce;

import java.util.Random;
import java.util.stream.IntStream;

/** Row lengths and seeded value patterns for the scalar-vector agreement tests. */
final class TestData {

    /** Named value patterns, each producing a different mix of edge values. */
    enum Pattern {
        /** Mixed signs and magnitudes from 2^-10 to 2^10. */
        RANDOM,
        /** Random values with one NaN. */
        ONE_NAN,
        /** Random values with NaNs in several places. */
        SEVERAL_NANS,
        /** Random values with one +infinity and one -infinity: sums are NaN. */
        BOTH_INFINITIES,
        /** Random values with one +infinity. */
        POSITIVE_INFINITY,
        /** Only +0.0 and -0.0. */
        SIGNED_ZEROS,
        /** Only -0.0. */
        NEGATIVE_ZEROS,
        /** Small integers, so the max and min occur several times. */
        TIES,
        /** Values near the largest finite value, so sums overflow. */
        HUGE
    }

    /**
     * Returns every length from 0 to 70, lengths around multiples of the vector widths, the lane
     * group and the block, and lengths that split into several blocks.
     */
    static int[] rowLengths() {
        IntStream small = IntStream.rangeClosed(0, 70);
        IntStream boundaries = IntStream.of(95, 96, 97, 127, 128, 129, 255, 256, 257, 511, 512,
                513, 1023, 1024, 1025, 1087, 2047, 2048, 2049, 3000, 4095, 4097, 5000);
        return IntStream.concat(small, boundaries).toArray();
    }

    /** Returns {@code length} floats of the pattern, seeded by the pattern and the length. */
    static float[] floats(Pattern pattern, int length, long seed) {
        double[] values = doubles(pattern, length, seed, Float.MAX_VALUE);
        float[] result = new float[length];
        for (int i = 0; i < length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    /** Returns {@code length} doubles of the pattern, seeded by the pattern and the length. */
    static double[] doubles(Pattern pattern, int length, long seed) {
        return doubles(pattern, length, seed, Double.MAX_VALUE);
    }

    private static double[] doubles(Pattern pattern, int length, long seed, double maxValue) {
        Random random = new Random(seed * 1_000_003L + pattern.ordinal() * 7919L + length);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = value(pattern, random, maxValue);
        }
        if (length == 0) {
            return values;
        }

        switch (pattern) {
            case ONE_NAN -> values[random.nextInt(length)] = Double.NaN;
            case SEVERAL_NANS -> {
                for (int k = 0; k < 1 + length / 20; k++) {
                    values[random.nextInt(length)] = Double.NaN;
                }
            }
            case BOTH_INFINITIES -> {
                values[random.nextInt(length)] = Double.POSITIVE_INFINITY;
                values[random.nextInt(length)] = Double.NEGATIVE_INFINITY;
            }
            case POSITIVE_INFINITY -> values[random.nextInt(length)] = Double.POSITIVE_INFINITY;
            default -> {
            }
        }
        return values;
    }

    private static double value(Pattern pattern, Random random, double maxValue) {
        return switch (pattern) {
            case SIGNED_ZEROS -> random.nextBoolean() ? 0.0 : -0.0;
            case NEGATIVE_ZEROS -> -0.0;
            case TIES -> random.nextInt(5) - 2;
            case HUGE -> maxValue * (0.5 + 0.5 * random.nextDouble());
            default -> (random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(21) - 10);
        };
    }

    private TestData() {
    }
}
