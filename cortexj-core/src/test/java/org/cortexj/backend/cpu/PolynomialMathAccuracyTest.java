package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.cortexj.backend.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Accuracy of {@link PolynomialMath} in units in the last place (ulps). float32 results are
 * compared with the double result of {@link StrictMath} rounded to float, which is the correctly
 * rounded float except in rare double-rounding cases. float64 results are compared with
 * {@link StrictMath}, itself within 1 ulp of the exact value, and the float64 sigmoid, which
 * StrictMath lacks, with {@link ExactMath}. The target is 2 ulps everywhere, subnormal results
 * included; special values must be exact.
 */
class PolynomialMathAccuracyTest {

    private static final long MAX_ULPS = 2;
    /** Stride through all 2^32 float bit patterns: about 8.4 million inputs, every binade and sign. */
    private static final int FLOAT_BITS_STRIDE = 509;
    private static final int DOUBLE_SAMPLES = 200_000;

    // ---------------------------------------------------------------- float32 sweeps

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void float32WithinTwoUlpsEverywhere(UnaryOp op) {
        for (long bits = 0; bits <= 0xffffffffL; bits += FLOAT_BITS_STRIDE) {
            checkFloat(op, Float.intBitsToFloat((int) bits));
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void float32WithinTwoUlpsNearOrigin(UnaryOp op) {
        // Every 97th float with magnitude in [2^-12, 4], where the reduced arguments span their
        // whole range, then the edge values.
        int lowest = Float.floatToRawIntBits(0x1.0p-12f);
        for (int bits = Float.floatToRawIntBits(4f); bits >= lowest; bits -= 97) {
            float x = Float.intBitsToFloat(bits);
            checkFloat(op, x);
            checkFloat(op, -x);
        }
        for (float x : TranscendentalInputs.FLOAT_EDGES) {
            checkFloat(op, x);
        }
    }

    private static void checkFloat(UnaryOp op, float x) {
        float actual = floatFunction(op, x);
        float expected = (float) referenceForFloat(op, x);
        long distance = ulpDistance(actual, expected);
        if (distance > MAX_ULPS) {
            fail(op + " float32 at x = " + x + " (" + Float.toHexString(x) + "): expected " + expected
                    + ", got " + actual + ", " + distance + " ulps apart");
        }
    }

    // ---------------------------------------------------------------- float64 sweeps

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH"})
    void float64WithinTwoUlpsOfStrictMath(UnaryOp op) {
        DoubleUnaryOperator reference = strictMath(op);
        SplittableRandom random = new SplittableRandom(op.ordinal() + 101);
        double[] range = mainRange(op);
        for (int i = 0; i < DOUBLE_SAMPLES; i++) {
            checkDouble(op, random.nextDouble(range[0], range[1]), reference);
            checkDouble(op, random.nextDouble(-1, 1), reference);
            double magnitude = Math.pow(2, random.nextDouble(-1075, 1024));
            checkDouble(op, random.nextBoolean() ? magnitude : -magnitude, reference);
        }
        for (double x : TranscendentalInputs.DOUBLE_EDGES) {
            checkDouble(op, x, reference);
        }
    }

    @Test
    void float64LogWithinTwoUlpsNearOne() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < DOUBLE_SAMPLES; i++) {
            checkDouble(UnaryOp.LOG, random.nextDouble(0.5, 2), StrictMath::log);
            checkDouble(UnaryOp.LOG, 1 + random.nextDouble(-1e-6, 1e-6), StrictMath::log);
        }
    }

    @Test
    void float64SigmoidWithinTwoUlpsOfExact() {
        SplittableRandom random = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 3000; i++) {
            double x = switch (i % 3) {
                case 0 -> random.nextDouble(-760, 45);
                case 1 -> random.nextDouble(-20, 20);
                default -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-60, 0));
            };
            double actual = PolynomialMath.sigmoid(x);
            double error = ExactMath.ulpError(actual, ExactMath.sigmoid(x));
            assertTrue(error <= MAX_ULPS, "sigmoid float64 at x = " + x + ": " + actual + " is " + error + " ulps off");
            worst = Math.max(worst, error);
        }
        // The compensated division should keep the error near half an ulp, well inside the target.
        assertTrue(worst < 1.0, "sigmoid float64: worst error " + worst + " ulps");
    }

    private static void checkDouble(UnaryOp op, double x, DoubleUnaryOperator reference) {
        double actual = doubleFunction(op, x);
        double expected = reference.applyAsDouble(x);
        long distance = ulpDistance(actual, expected);
        if (distance > MAX_ULPS) {
            fail(op + " float64 at x = " + x + " (" + Double.toHexString(x) + "): StrictMath " + expected
                    + ", got " + actual + ", " + distance + " ulps apart");
        }
    }

    /** The range where the function is neither constant nor overflowing, for the uniform samples. */
    private static double[] mainRange(UnaryOp op) {
        return switch (op) {
            case EXP -> new double[] {-746, 710};
            case EXPM1 -> new double[] {-40, 710};
            case LOG -> new double[] {0, 1e6};
            case LOG1P -> new double[] {-1, 1e6};
            case TANH -> new double[] {-23, 23};
            default -> throw new IllegalArgumentException("mainRange: no range for " + op);
        };
    }

    // ---------------------------------------------------------------- special values

    @Test
    void expSpecialValues() {
        assertIdentical(1.0, PolynomialMath.exp(0.0), "exp(0)");
        assertIdentical(1.0, PolynomialMath.exp(-0.0), "exp(-0)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.exp(Double.POSITIVE_INFINITY), "exp(+inf)");
        assertIdentical(0.0, PolynomialMath.exp(Double.NEGATIVE_INFINITY), "exp(-inf)");
        assertIdentical(Double.NaN, PolynomialMath.exp(Double.NaN), "exp(NaN)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.exp(709.79), "exp above the overflow threshold");
        assertWithinTwoUlps(StrictMath.exp(709.78), PolynomialMath.exp(709.78), "exp below the overflow threshold");
        assertIdentical(Double.MIN_VALUE, PolynomialMath.exp(-745.0), "exp(-745) is the smallest subnormal");
        assertIdentical(0.0, PolynomialMath.exp(-745.2), "exp(-745.2) underflows to 0");
        assertWithinTwoUlps(StrictMath.exp(-740.0), PolynomialMath.exp(-740.0), "exp(-740) is subnormal");

        assertIdentical(1f, PolynomialMath.exp(0f), "float exp(0)");
        assertIdentical(1f, PolynomialMath.exp(-0f), "float exp(-0)");
        assertIdentical(Float.POSITIVE_INFINITY, PolynomialMath.exp(Float.POSITIVE_INFINITY), "float exp(+inf)");
        assertIdentical(0f, PolynomialMath.exp(Float.NEGATIVE_INFINITY), "float exp(-inf)");
        assertIdentical(Float.NaN, PolynomialMath.exp(Float.NaN), "float exp(NaN)");
        assertIdentical(Float.POSITIVE_INFINITY, PolynomialMath.exp(88.73f), "float exp above the overflow threshold");
        assertIdentical(Float.MIN_VALUE, PolynomialMath.exp(-103.5f), "float exp(-103.5) is the smallest subnormal");
        assertIdentical(0f, PolynomialMath.exp(-104f), "float exp(-104) underflows to 0");
    }

    @Test
    void expm1SpecialValues() {
        assertIdentical(0.0, PolynomialMath.expm1(0.0), "expm1(0)");
        assertIdentical(-0.0, PolynomialMath.expm1(-0.0), "expm1(-0)");
        assertIdentical(-1.0, PolynomialMath.expm1(Double.NEGATIVE_INFINITY), "expm1(-inf)");
        assertIdentical(-1.0, PolynomialMath.expm1(-50.0), "expm1(-50)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.expm1(Double.POSITIVE_INFINITY), "expm1(+inf)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.expm1(709.79), "expm1 above the overflow threshold");
        assertWithinTwoUlps(StrictMath.expm1(709.78), PolynomialMath.expm1(709.78), "expm1 where 2^k needs two factors");
        assertIdentical(Double.NaN, PolynomialMath.expm1(Double.NaN), "expm1(NaN)");
        assertIdentical(Double.MIN_VALUE, PolynomialMath.expm1(Double.MIN_VALUE), "expm1 of the smallest subnormal");

        assertIdentical(-0f, PolynomialMath.expm1(-0f), "float expm1(-0)");
        assertIdentical(-1f, PolynomialMath.expm1(Float.NEGATIVE_INFINITY), "float expm1(-inf)");
        assertIdentical(Float.POSITIVE_INFINITY, PolynomialMath.expm1(89f), "float expm1(89)");
        assertWithinTwoUlps((float) StrictMath.expm1(88.7f), PolynomialMath.expm1(88.7f), "float expm1(88.7)");
        assertIdentical(Float.MIN_VALUE, PolynomialMath.expm1(Float.MIN_VALUE), "float expm1 of a subnormal");
    }

    @Test
    void expm1AccurateNearZero() {
        double[] inputs = {1e-7, -1e-7, 1e-12, 3e-17, -2e-200, 0x1.0p-1030};
        for (double x : inputs) {
            double actual = PolynomialMath.expm1(x);
            assertEquals(StrictMath.expm1(x), actual, Math.ulp(actual), "expm1(" + x + ")");
            float single = PolynomialMath.expm1((float) x);
            assertEquals((float) StrictMath.expm1((float) x), single, Math.ulp(single), "float expm1(" + x + ")");
        }
        assertEquals(1e-7, PolynomialMath.expm1(1e-7), 1e-7 * 1e-6, "expm1(1e-7) ≈ 1e-7");
    }

    @Test
    void logSpecialValues() {
        assertIdentical(Double.NEGATIVE_INFINITY, PolynomialMath.log(0.0), "log(0)");
        assertIdentical(Double.NEGATIVE_INFINITY, PolynomialMath.log(-0.0), "log(-0)");
        assertIdentical(Double.NaN, PolynomialMath.log(-1e-300), "log(negative)");
        assertIdentical(Double.NaN, PolynomialMath.log(Double.NEGATIVE_INFINITY), "log(-inf)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.log(Double.POSITIVE_INFINITY), "log(+inf)");
        assertIdentical(Double.NaN, PolynomialMath.log(Double.NaN), "log(NaN)");
        assertIdentical(0.0, PolynomialMath.log(1.0), "log(1)");
        assertWithinTwoUlps(StrictMath.log(Double.MIN_VALUE), PolynomialMath.log(Double.MIN_VALUE), "log(min subnormal)");
        assertWithinTwoUlps(StrictMath.log(Double.MAX_VALUE), PolynomialMath.log(Double.MAX_VALUE), "log(max)");

        assertIdentical(Float.NEGATIVE_INFINITY, PolynomialMath.log(0f), "float log(0)");
        assertIdentical(Float.NaN, PolynomialMath.log(-1f), "float log(-1)");
        assertIdentical(Float.POSITIVE_INFINITY, PolynomialMath.log(Float.POSITIVE_INFINITY), "float log(+inf)");
        assertIdentical(0f, PolynomialMath.log(1f), "float log(1)");
        assertWithinTwoUlps((float) StrictMath.log(Float.MIN_VALUE), PolynomialMath.log(Float.MIN_VALUE),
                "float log(min subnormal)");
    }

    @Test
    void log1pSpecialValues() {
        assertIdentical(0.0, PolynomialMath.log1p(0.0), "log1p(0)");
        assertIdentical(-0.0, PolynomialMath.log1p(-0.0), "log1p(-0)");
        assertIdentical(Double.NEGATIVE_INFINITY, PolynomialMath.log1p(-1.0), "log1p(-1)");
        assertIdentical(Double.NaN, PolynomialMath.log1p(-1.5), "log1p(-1.5)");
        assertIdentical(Double.NaN, PolynomialMath.log1p(Double.NEGATIVE_INFINITY), "log1p(-inf)");
        assertIdentical(Double.POSITIVE_INFINITY, PolynomialMath.log1p(Double.POSITIVE_INFINITY), "log1p(+inf)");
        assertIdentical(Double.NaN, PolynomialMath.log1p(Double.NaN), "log1p(NaN)");
        assertIdentical(Double.MIN_VALUE, PolynomialMath.log1p(Double.MIN_VALUE), "log1p of the smallest subnormal");
        assertIdentical(1e-300, PolynomialMath.log1p(1e-300), "log1p(1e-300)");
        assertEquals(StrictMath.log1p(1e-10), PolynomialMath.log1p(1e-10), Math.ulp(1e-10), "log1p(1e-10)");

        assertIdentical(-0f, PolynomialMath.log1p(-0f), "float log1p(-0)");
        assertIdentical(Float.NEGATIVE_INFINITY, PolynomialMath.log1p(-1f), "float log1p(-1)");
        assertIdentical(Float.NaN, PolynomialMath.log1p(-2f), "float log1p(-2)");
        assertIdentical(1e-30f, PolynomialMath.log1p(1e-30f), "float log1p(1e-30)");
    }

    @Test
    void tanhSpecialValues() {
        assertIdentical(1.0, PolynomialMath.tanh(20.0), "tanh(20)");
        assertIdentical(-1.0, PolynomialMath.tanh(-1e300), "tanh(-1e300)");
        assertIdentical(1.0, PolynomialMath.tanh(Double.POSITIVE_INFINITY), "tanh(+inf)");
        assertIdentical(-1.0, PolynomialMath.tanh(Double.NEGATIVE_INFINITY), "tanh(-inf)");
        assertIdentical(0.0, PolynomialMath.tanh(0.0), "tanh(0)");
        assertIdentical(-0.0, PolynomialMath.tanh(-0.0), "tanh(-0)");
        assertIdentical(Double.NaN, PolynomialMath.tanh(Double.NaN), "tanh(NaN)");
        assertIdentical(-Double.MIN_VALUE, PolynomialMath.tanh(-Double.MIN_VALUE), "tanh of a subnormal");
        assertIdentical(1e-10, PolynomialMath.tanh(1e-10), "tanh(1e-10)");

        assertIdentical(1f, PolynomialMath.tanh(9.5f), "float tanh(9.5)");
        assertIdentical(-1f, PolynomialMath.tanh(Float.NEGATIVE_INFINITY), "float tanh(-inf)");
        assertIdentical(-0f, PolynomialMath.tanh(-0f), "float tanh(-0)");
        assertIdentical(1e-20f, PolynomialMath.tanh(1e-20f), "float tanh(1e-20)");
    }

    @Test
    void tanhIsOdd() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            double x = random.nextDouble(-25, 25);
            assertIdentical(-PolynomialMath.tanh(x), PolynomialMath.tanh(-x), "tanh(-x) = -tanh(x) at " + x);
            float f = (float) x;
            assertIdentical(-PolynomialMath.tanh(f), PolynomialMath.tanh(-f), "float tanh(-x) = -tanh(x) at " + f);
        }
    }

    @Test
    void sigmoidSpecialValues() {
        assertIdentical(0.5, PolynomialMath.sigmoid(0.0), "sigmoid(0)");
        assertIdentical(0.5, PolynomialMath.sigmoid(-0.0), "sigmoid(-0)");
        assertIdentical(1.0, PolynomialMath.sigmoid(1000.0), "sigmoid(1000)");
        assertIdentical(0.0, PolynomialMath.sigmoid(-1000.0), "sigmoid(-1000)");
        assertIdentical(1.0, PolynomialMath.sigmoid(Double.POSITIVE_INFINITY), "sigmoid(+inf)");
        assertIdentical(0.0, PolynomialMath.sigmoid(Double.NEGATIVE_INFINITY), "sigmoid(-inf)");
        assertIdentical(Double.NaN, PolynomialMath.sigmoid(Double.NaN), "sigmoid(NaN)");
        assertWithinTwoUlps(StrictMath.exp(-740.0), PolynomialMath.sigmoid(-740.0), "sigmoid(-740) = e^-740, subnormal");

        assertIdentical(0.5f, PolynomialMath.sigmoid(0f), "float sigmoid(0)");
        assertIdentical(1f, PolynomialMath.sigmoid(1000f), "float sigmoid(1000)");
        assertIdentical(0f, PolynomialMath.sigmoid(-1000f), "float sigmoid(-1000)");
        assertWithinTwoUlps((float) StrictMath.exp(-100.0), PolynomialMath.sigmoid(-100f), "float sigmoid(-100), subnormal");
        assertIdentical(Float.NaN, PolynomialMath.sigmoid(Float.NaN), "float sigmoid(NaN)");
    }

    // ---------------------------------------------------------------- references and distances

    private static float floatFunction(UnaryOp op, float x) {
        return switch (op) {
            case EXP -> PolynomialMath.exp(x);
            case EXPM1 -> PolynomialMath.expm1(x);
            case LOG -> PolynomialMath.log(x);
            case LOG1P -> PolynomialMath.log1p(x);
            case TANH -> PolynomialMath.tanh(x);
            case SIGMOID -> PolynomialMath.sigmoid(x);
            default -> throw new IllegalArgumentException("floatFunction: no PolynomialMath function for " + op);
        };
    }

    private static double doubleFunction(UnaryOp op, double x) {
        return switch (op) {
            case EXP -> PolynomialMath.exp(x);
            case EXPM1 -> PolynomialMath.expm1(x);
            case LOG -> PolynomialMath.log(x);
            case LOG1P -> PolynomialMath.log1p(x);
            case TANH -> PolynomialMath.tanh(x);
            case SIGMOID -> PolynomialMath.sigmoid(x);
            default -> throw new IllegalArgumentException("doubleFunction: no PolynomialMath function for " + op);
        };
    }

    /** The double reference for a float argument; its error is far below a float ulp. */
    private static double referenceForFloat(UnaryOp op, float x) {
        if (op == UnaryOp.SIGMOID) {
            return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
        }
        return strictMath(op).applyAsDouble(x);
    }

    private static DoubleUnaryOperator strictMath(UnaryOp op) {
        return switch (op) {
            case EXP -> StrictMath::exp;
            case EXPM1 -> StrictMath::expm1;
            case LOG -> StrictMath::log;
            case LOG1P -> StrictMath::log1p;
            case TANH -> StrictMath::tanh;
            default -> throw new IllegalArgumentException("strictMath: no StrictMath function for " + op);
        };
    }

    /**
     * How many floats lie between two values (0 if equal, ±0 count as equal); NaN is 0 apart from
     * NaN and infinitely far from anything else.
     */
    static long ulpDistance(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(orderedBits(a) - orderedBits(b));
    }

    static long ulpDistance(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        if (a != 0 && b != 0 && (a < 0) != (b < 0)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(orderedBits(a) - orderedBits(b));
    }

    /** Maps floats to longs in the same order, with neighbouring floats one apart. */
    private static long orderedBits(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    private static long orderedBits(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }

    private static void assertWithinTwoUlps(double expected, double actual, String context) {
        long distance = ulpDistance(expected, actual);
        assertTrue(distance <= MAX_ULPS, () -> context + ": expected " + expected + ", got " + actual + ", "
                + distance + " ulps apart");
    }

    private static void assertWithinTwoUlps(float expected, float actual, String context) {
        long distance = ulpDistance(expected, actual);
        assertTrue(distance <= MAX_ULPS, () -> context + ": expected " + expected + ", got " + actual + ", "
                + distance + " ulps apart");
    }

    private static void assertIdentical(double expected, double actual, String context) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> context + ": expected " + expected + ", got " + actual);
    }

    private static void assertIdentical(float expected, float actual, String context) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                () -> context + ": expected " + expected + ", got " + actual);
    }
}
