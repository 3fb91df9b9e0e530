package org.cortexj.backend.cpu;

import java.util.SplittableRandom;

/**
 * Test inputs for the transcendental functions: random values of several scales, with an edge
 * value at every fourth position. The edge values are zeros, infinities, NaN, subnormals, the
 * overflow and underflow thresholds of exp, the saturation of tanh, the pole of log1p and the
 * ends of the reduced range.
 */
final class TranscendentalInputs {

    static final float[] FLOAT_EDGES = {
        0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE, -Float.MIN_VALUE,
        0x1.0p-130f, -0x1.0p-130f, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f,
        Math.nextUp(-1f), Math.nextDown(-1f), 0.5f, -0.5f, 0.34657359f, -0.34657359f, 1e-7f, -1e-7f, 1e-30f,
        88.72283f, 88.72284f, 89f, 100f, -87.33655f, -103.27893f, -103.97208f, -104f, -200f, 9f, 10f, 11f,
        -9f, 20f, -20f, 17.5f, -17.5f, 0x1.fffffep-1f, 0x1.000002p0f
    };

    static final double[] DOUBLE_EDGES = {
        0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
        -Double.MIN_VALUE, 0x1.0p-1060, -0x1.0p-1060, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, Math.nextUp(-1.0), Math.nextDown(-1.0), 0.5, -0.5, 0.34657359027997264, -0.34657359027997264,
        1e-7, -1e-7, 1e-300, 709.782712893384, 709.7827128933841, 710.0, 800.0, -708.3964185322641,
        -744.4400719213812, -745.1332191019411, -745.1332191019412, -746.0, -1000.0, 19.0, 22.0, 23.0, -22.0,
        40.0, -40.0, 37.5, -37.5, 0x1.fffffffffffffp-1, 0x1.0000000000001p0
    };

    private TranscendentalInputs() {
    }

    static float[] floats(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
                case 1 -> (float) random.nextDouble(-10, 10);
                case 2 -> (float) random.nextDouble(-120, 100);
                default -> (float) signedPowerOfTwo(random, -150, 128);
            };
        }
        return values;
    }

    static double[] doubles(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
                case 1 -> random.nextDouble(-10, 10);
                case 2 -> random.nextDouble(-760, 720);
                default -> signedPowerOfTwo(random, -1075, 1024);
            };
        }
        return values;
    }

    /** ±2^e with e uniform in [minExponent, maxExponent): magnitudes spread over every binade. */
    private static double signedPowerOfTwo(SplittableRandom random, int minExponent, int maxExponent) {
        double magnitude = Math.pow(2, random.nextDouble(minExponent, maxExponent));
        return random.nextBoolean() ? magnitude : -magnitude;
    }
}
