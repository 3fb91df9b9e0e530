package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.simd.VectorElementwiseKernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API kernels against the scalar kernels, element by element.
 *
 * <p>Sizes are every n in 0..70, sizes around the vector widths (15..17, 31..33, 63..65,
 * 1023..1025) and 100 003. Inputs and output sit at nonzero offsets, and edge values (±0, ±∞,
 * NaN, subnormals, values near the float32 exp overflow) are mixed into random data.
 *
 * <p>The forms with a scalar right operand must give the values of the array forms.
 *
 * <p>Arithmetic, comparison, where, abs, neg, sqrt, square, reciprocal, relu, maximum, minimum,
 * exp, expm1, log, log1p, tanh, sigmoid and the operators without a vector form must be
 * bit-identical (NaNs compare equal whatever their payload). pow may differ by
 * {@value #TRANSCENDENTAL_ULPS} ulps of the result type, and float32 rsqrt by 1 ulp because the
 * vector kernel rounds the square root before dividing. Special results (NaN, ±∞, ±0) must agree
 * exactly.
 */
class KernelAgreementTest {

    static final int TRANSCENDENTAL_ULPS = 2;

    private static final int OFFSET_A = 3;
    private static final int OFFSET_B = 7;
    private static final int OFFSET_C = 1;
    private static final int OFFSET_OUT = 5;

    private static final ElementwiseKernels SCALAR = new ScalarElementwiseKernels();
    private static ElementwiseKernels vector;

    @BeforeAll
    static void requireVectorModule() {
        assumeTrue(SimdSupport.enabled(), () -> "SIMD kernels are off: " + SimdSupport.disabledReason().orElse(""));
        vector = new VectorElementwiseKernels();
    }

    static int[] sizes() {
        IntStream small = IntStream.rangeClosed(0, 70);
        IntStream edges = IntStream.of(1023, 1024, 1025, 100_003);
        return IntStream.concat(small, edges).toArray();
    }

    // ---------------------------------------------------------------- unary

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryFloat32Agrees(UnaryOp op) {
        for (int n : sizes()) {
            float[] input = floats(n + OFFSET_A, op.ordinal() * 1000L + n);
            float[] expected = new float[n + OFFSET_OUT];
            float[] actual = new float[n + OFFSET_OUT];

            SCALAR.unary(op, input, OFFSET_A, expected, OFFSET_OUT, n);
            vector.unary(op, input, OFFSET_A, actual, OFFSET_OUT, n);

            int ulps = op == UnaryOp.RSQRT ? 1 : 0;
            assertFloatsAgree(op + " n=" + n, expected, actual, ulps, i -> "x = " + input[i - OFFSET_OUT + OFFSET_A]);
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryFloat64Agrees(UnaryOp op) {
        for (int n : sizes()) {
            double[] input = doubles(n + OFFSET_A, op.ordinal() * 1000L + n);
            double[] expected = new double[n + OFFSET_OUT];
            double[] actual = new double[n + OFFSET_OUT];

            SCALAR.unary(op, input, OFFSET_A, expected, OFFSET_OUT, n);
            vector.unary(op, input, OFFSET_A, actual, OFFSET_OUT, n);

            assertDoublesAgree(op + " n=" + n, expected, actual, 0,
                    i -> "x = " + input[i - OFFSET_OUT + OFFSET_A]);
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryInPlaceAgrees(UnaryOp op) {
        int n = 1025;
        float[] expected = floats(n, 99);
        float[] actual = expected.clone();

        SCALAR.unary(op, expected, 0, expected, 0, n);
        vector.unary(op, actual, 0, actual, 0, n);

        assertFloatsAgree(op + " in place", expected, actual, op == UnaryOp.RSQRT ? 1 : 0, i -> "");
    }

    // ---------------------------------------------------------------- binary

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryFloat32Agrees(BinaryOp op) {
        for (int n : sizes()) {
            float[] left = floats(n + OFFSET_A, 5000L + op.ordinal() * 1000L + n);
            float[] right = op == BinaryOp.POW ? exponents(n + OFFSET_B, n) : floats(n + OFFSET_B, 7L * n + 1);
            float[] expected = new float[n + OFFSET_OUT];
            float[] actual = new float[n + OFFSET_OUT];

            SCALAR.binary(op, left, OFFSET_A, right, OFFSET_B, expected, OFFSET_OUT, n);
            vector.binary(op, left, OFFSET_A, right, OFFSET_B, actual, OFFSET_OUT, n);

            assertFloatsAgree(op + " n=" + n, expected, actual, binaryUlps(op),
                    i -> "a = " + left[i - OFFSET_OUT + OFFSET_A] + ", b = " + right[i - OFFSET_OUT + OFFSET_B]);
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryFloat64Agrees(BinaryOp op) {
        for (int n : sizes()) {
            double[] left = doubles(n + OFFSET_A, 5000L + op.ordinal() * 1000L + n);
            double[] right = op == BinaryOp.POW ? widen(exponents(n + OFFSET_B, n)) : doubles(n + OFFSET_B, 7L * n + 1);
            double[] expected = new double[n + OFFSET_OUT];
            double[] actual = new double[n + OFFSET_OUT];

            SCALAR.binary(op, left, OFFSET_A, right, OFFSET_B, expected, OFFSET_OUT, n);
            vector.binary(op, left, OFFSET_A, right, OFFSET_B, actual, OFFSET_OUT, n);

            assertDoublesAgree(op + " n=" + n, expected, actual, binaryUlps(op),
                    i -> "a = " + left[i - OFFSET_OUT + OFFSET_A] + ", b = " + right[i - OFFSET_OUT + OFFSET_B]);
        }
    }

    // ---------------------------------------------------------------- binary with a scalar operand

    private static final float[] SCALAR_OPERANDS = {0f, -0f, 1f, -2.5f, 0.5f, 3f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.MIN_VALUE};

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryScalarFloat32Agrees(BinaryOp op) {
        for (int n : sizes()) {
            float[] left = floats(n + OFFSET_A, 9000L + op.ordinal() * 1000L + n);
            for (float right : SCALAR_OPERANDS) {
                float[] rightArray = new float[n];
                java.util.Arrays.fill(rightArray, right);
                float[] expected = new float[n + OFFSET_OUT];
                float[] scalarForm = new float[n + OFFSET_OUT];
                float[] vectorForm = new float[n + OFFSET_OUT];

                SCALAR.binary(op, left, OFFSET_A, rightArray, 0, expected, OFFSET_OUT, n);
                SCALAR.binaryScalar(op, left, OFFSET_A, right, scalarForm, OFFSET_OUT, n);
                vector.binaryScalar(op, left, OFFSET_A, right, vectorForm, OFFSET_OUT, n);

                Inputs inputs = i -> "a = " + left[i - OFFSET_OUT + OFFSET_A] + ", b = " + right;
                assertFloatsAgree(op + " scalar kernel n=" + n, expected, scalarForm, 0, inputs);
                assertFloatsAgree(op + " vector kernel n=" + n, expected, vectorForm, binaryUlps(op), inputs);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryScalarFloat64Agrees(BinaryOp op) {
        for (int n : sizes()) {
            double[] left = doubles(n + OFFSET_A, 9000L + op.ordinal() * 1000L + n);
            for (float operand : SCALAR_OPERANDS) {
                double right = operand;
                double[] rightArray = new double[n];
                java.util.Arrays.fill(rightArray, right);
                double[] expected = new double[n + OFFSET_OUT];
                double[] scalarForm = new double[n + OFFSET_OUT];
                double[] vectorForm = new double[n + OFFSET_OUT];

                SCALAR.binary(op, left, OFFSET_A, rightArray, 0, expected, OFFSET_OUT, n);
                SCALAR.binaryScalar(op, left, OFFSET_A, right, scalarForm, OFFSET_OUT, n);
                vector.binaryScalar(op, left, OFFSET_A, right, vectorForm, OFFSET_OUT, n);

                Inputs inputs = i -> "a = " + left[i - OFFSET_OUT + OFFSET_A] + ", b = " + right;
                assertDoublesAgree(op + " scalar kernel n=" + n, expected, scalarForm, 0, inputs);
                assertDoublesAgree(op + " vector kernel n=" + n, expected, vectorForm, binaryUlps(op), inputs);
            }
        }
    }

    // ---------------------------------------------------------------- where

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = "NEG")
    void whereAgreesInBothTypes(UnaryOp unused) {
        for (int n : sizes()) {
            float[] condition = conditions(n + OFFSET_C, n);
            float[] ifTrue = floats(n + OFFSET_A, 3L * n);
            float[] ifFalse = floats(n + OFFSET_B, 5L * n);
            float[] expected = new float[n + OFFSET_OUT];
            float[] actual = new float[n + OFFSET_OUT];
            SCALAR.where(condition, OFFSET_C, ifTrue, OFFSET_A, ifFalse, OFFSET_B, expected, OFFSET_OUT, n);
            vector.where(condition, OFFSET_C, ifTrue, OFFSET_A, ifFalse, OFFSET_B, actual, OFFSET_OUT, n);
            assertFloatsAgree("where float32 n=" + n, expected, actual, 0, i -> "");

            double[] conditionD = widen(condition);
            double[] ifTrueD = doubles(n + OFFSET_A, 3L * n);
            double[] ifFalseD = doubles(n + OFFSET_B, 5L * n);
            double[] expectedD = new double[n + OFFSET_OUT];
            double[] actualD = new double[n + OFFSET_OUT];
            SCALAR.where(conditionD, OFFSET_C, ifTrueD, OFFSET_A, ifFalseD, OFFSET_B, expectedD, OFFSET_OUT, n);
            vector.where(conditionD, OFFSET_C, ifTrueD, OFFSET_A, ifFalseD, OFFSET_B, actualD, OFFSET_OUT, n);
            assertDoublesAgree("where float64 n=" + n, expectedD, actualD, 0, i -> "");
        }
    }

    // ---------------------------------------------------------------- inputs

    private static final float[] FLOAT_EDGES = {
        0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE, -Float.MIN_VALUE,
        0x1.0p-130f, Float.MIN_NORMAL, 1e30f, -1e30f, Float.MAX_VALUE, 88.5f, -87.5f, -103f, 1f, -1f, 0.5f, 2.5f,
        -2.5f, 1e-7f, 20f, -20f
    };

    private static final double[] DOUBLE_EDGES = {
        0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
        -Double.MIN_VALUE, 0x1.0p-1060, Double.MIN_NORMAL, 1e300, -1e300, Double.MAX_VALUE, 709.5, -708.5, -745,
        1.0, -1.0, 0.5, 2.5, -2.5, 1e-17, 40.0, -40.0
    };

    /** Returns random values in [-10, 10) and [-100, 100), with an edge value at every fifth position. */
    private static float[] floats(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            if (i % 5 == 2) {
                values[i] = FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
            } else {
                values[i] = (float) random.nextDouble(i % 2 == 0 ? -10 : -100, i % 2 == 0 ? 10 : 100);
            }
        }
        return values;
    }

    private static double[] doubles(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            if (i % 5 == 2) {
                values[i] = DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
            } else {
                values[i] = random.nextDouble(i % 2 == 0 ? -10 : -100, i % 2 == 0 ? 10 : 100);
            }
        }
        return values;
    }

    /** Returns exponents for pow: small integers, halves, fractions and edge values. */
    private static float[] exponents(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] choices = {0f, -0f, 1f, 2f, 3f, -1f, -2f, 0.5f, -0.5f, 1.5f, 0.3f, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = i % 3 == 0 ? (float) random.nextDouble(-4, 4) : choices[random.nextInt(choices.length)];
        }
        return values;
    }

    private static float[] conditions(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] choices = {0f, -0f, 1f, -1f, Float.NaN, 0.5f, Float.MIN_VALUE};
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        return values;
    }

    private static double[] widen(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    // ---------------------------------------------------------------- comparison

    private static int binaryUlps(BinaryOp op) {
        return op == BinaryOp.POW ? TRANSCENDENTAL_ULPS : 0;
    }

    private interface Inputs {
        String describe(int outputIndex);
    }

    private static void assertFloatsAgree(String context, float[] expected, float[] actual, int ulps, Inputs inputs) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (!floatsAgree(expected[i], actual[i], ulps)) {
                fail(context + " at " + i + " (" + inputs.describe(i) + "): scalar " + expected[i] + ", vector "
                        + actual[i] + ", allowed " + ulps + " ulps");
            }
        }
    }

    private static void assertDoublesAgree(String context, double[] expected, double[] actual, int ulps,
                                           Inputs inputs) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (!doublesAgree(expected[i], actual[i], ulps)) {
                fail(context + " at " + i + " (" + inputs.describe(i) + "): scalar " + expected[i] + ", vector "
                        + actual[i] + ", allowed " + ulps + " ulps");
            }
        }
    }

    private static boolean floatsAgree(float expected, float actual, int ulps) {
        if (Float.floatToIntBits(expected) == Float.floatToIntBits(actual)) {
            return true;
        }
        boolean special = Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0
                || Float.isNaN(actual) || Float.isInfinite(actual) || actual == 0;
        return !special && Math.abs(actual - expected) <= ulps * Math.ulp(expected);
    }

    private static boolean doublesAgree(double expected, double actual, int ulps) {
        if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
            return true;
        }
        boolean special = Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0
                || Double.isNaN(actual) || Double.isInfinite(actual) || actual == 0;
        return !special && Math.abs(actual - expected) <= ulps * Math.ulp(expected);
    }
}
