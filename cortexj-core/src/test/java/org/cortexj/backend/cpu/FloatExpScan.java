package org.cortexj.backend.cpu;

import org.cortexj.backend.cpu.simd.FloatVectorMath;

/**
 * Checks {@link PolynomialMath#exp(float)} on every float bit pattern: the largest error against
 * {@link Math#exp(double)} in ulps of the float result (subnormal results counted in units of
 * the smallest subnormal), the special values, and that {@link FloatVectorMath#exp} gives the
 * same bits. It takes about two minutes, so it is a program, not part of the test suite:
 *
 * <pre>
 * mvn -q -pl cortexj-core test-compile
 * java --add-modules jdk.incubator.vector -cp cortexj-core/target/test-classes:cortexj-core/target/classes \
 *     org.cortexj.backend.cpu.FloatExpScan
 * </pre>
 */
public final class FloatExpScan {

    private static final int BLOCK = 1 << 16;

    private FloatExpScan() {
    }

    public static void main(String[] args) {
        float[] inputs = new float[BLOCK];
        float[] vectorResults = new float[BLOCK];
        double worstUlps = 0;
        float worstInput = 0;
        long mismatches = 0;
        long vectorDifferences = 0;
        for (long start = 0; start <= 0xffffffffL; start += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                inputs[i] = Float.intBitsToFloat((int) (start + i));
            }
            int done = FloatVectorMath.exp(inputs, 0, vectorResults, 0, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                float x = inputs[i];
                float result = PolynomialMath.exp(x);
                if (i < done && Float.floatToRawIntBits(result) != Float.floatToRawIntBits(vectorResults[i])) {
                    vectorDifferences++;
                }
                double ulps = errorUlps(x, result);
                if (Double.isNaN(ulps)) {
                    mismatches++;
                } else if (ulps > worstUlps) {
                    worstUlps = ulps;
                    worstInput = x;
                }
            }
        }
        System.out.printf("float exp over every float: largest error %.4f ulps at x = %s (%s)%n",
                worstUlps, worstInput, Float.toHexString(worstInput));
        System.out.println("wrong special values (NaN, overflow, underflow): " + mismatches);
        System.out.println("lanes where the vector loop differs from the scalar code: " + vectorDifferences);
    }

    /** Returns the error of {@code result} in ulps, 0 for a correct special value, NaN for a wrong one. */
    private static double errorUlps(float x, float result) {
        if (Float.isNaN(x)) {
            return Float.isNaN(result) ? 0 : Double.NaN;
        }
        double exact = Math.exp(x);
        float rounded = (float) exact;
        if (Float.isInfinite(rounded)) {
            return result == rounded ? 0 : Double.NaN;
        }
        if (rounded == 0f) {
            // exp(x) below half the smallest subnormal: 0, or the smallest subnormal at the rounding boundary.
            return result == 0f || result == Float.MIN_VALUE ? 0 : Double.NaN;
        }
        double ulp = rounded < Float.MIN_NORMAL ? Float.MIN_VALUE : Math.ulp(rounded);
        return Math.abs(result - exact) / ulp;
    }
}
