package org.cortexj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.IntStream;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.simd.VectorElementwiseKernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * exp, expm1, log, log1p, tanh and sigmoid must give the same bits in the Vector API kernels, in
 * the scalar kernels and in {@link PolynomialMath}, for every size, offset and input, and before
 * and after the JIT has compiled the vector loops. NaN results compare equal whatever their
 * payload, and everything else by its bits, so −0 differs from +0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranscendentalAgreementTest {

    private static final int OFFSET_IN = 3;
    private static final int OFFSET_OUT = 5;
    private static final int LARGE = 100_003;
    private static final int WARM_UP_CALLS = 20_000;

    private static final ElementwiseKernels SCALAR = new ScalarElementwiseKernels();
    private static ElementwiseKernels vector;

    @BeforeAll
    static void requireVectorModule() {
        assumeTrue(SimdSupport.enabled(), () -> "SIMD kernels are off: " + SimdSupport.disabledReason().orElse(""));
        vector = new VectorElementwiseKernels();
    }

    /** Returns every n in 0..70, which gives every tail length at every vector width, and larger sizes. */
    static int[] sizes() {
        IntStream small = IntStream.rangeClosed(0, 70);
        IntStream edges = IntStream.of(127, 128, 129, 1023, 1024, 1025, LARGE);
        return IntStream.concat(small, edges).toArray();
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void float32KernelsIdentical(UnaryOp op) {
        for (int n : sizes()) {
            float[] input = TranscendentalInputs.floats(n + OFFSET_IN, op.ordinal() * 7919L + n);
            float[] expected = new float[n + OFFSET_OUT];
            float[] actual = new float[n + OFFSET_OUT];

            SCALAR.unary(op, input, OFFSET_IN, expected, OFFSET_OUT, n);
            vector.unary(op, input, OFFSET_IN, actual, OFFSET_OUT, n);

            assertFloatsIdentical(op + " n=" + n, expected, actual, i -> input[i - OFFSET_OUT + OFFSET_IN]);
            for (int i = 0; i < n; i++) {
                float x = input[OFFSET_IN + i];
                assertFloatIdentical(op + " PolynomialMath", apply(op, x), expected[OFFSET_OUT + i], x);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void float64KernelsIdentical(UnaryOp op) {
        for (int n : sizes()) {
            double[] input = TranscendentalInputs.doubles(n + OFFSET_IN, op.ordinal() * 7919L + n);
            double[] expected = new double[n + OFFSET_OUT];
            double[] actual = new double[n + OFFSET_OUT];

            SCALAR.unary(op, input, OFFSET_IN, expected, OFFSET_OUT, n);
            vector.unary(op, input, OFFSET_IN, actual, OFFSET_OUT, n);

            assertDoublesIdentical(op + " n=" + n, expected, actual, i -> input[i - OFFSET_OUT + OFFSET_IN]);
            for (int i = 0; i < n; i++) {
                double x = input[OFFSET_IN + i];
                assertDoubleIdentical(op + " PolynomialMath", apply(op, x), expected[OFFSET_OUT + i], x);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void inPlaceKernelsIdentical(UnaryOp op) {
        float[] floatsScalar = TranscendentalInputs.floats(1025, 17);
        float[] floatsVector = floatsScalar.clone();
        double[] doublesScalar = TranscendentalInputs.doubles(1025, 17);
        double[] doublesVector = doublesScalar.clone();
        float[] floatInput = floatsScalar.clone();
        double[] doubleInput = doublesScalar.clone();

        SCALAR.unary(op, floatsScalar, 0, floatsScalar, 0, 1025);
        vector.unary(op, floatsVector, 0, floatsVector, 0, 1025);
        SCALAR.unary(op, doublesScalar, 0, doublesScalar, 0, 1025);
        vector.unary(op, doublesVector, 0, doublesVector, 0, 1025);

        assertFloatsIdentical(op + " float32 in place", floatsScalar, floatsVector, i -> floatInput[i]);
        assertDoublesIdentical(op + " float64 in place", doublesScalar, doublesVector, i -> doubleInput[i]);
    }

    /**
     * Checks for the defect this design removes: vector results that changed once the JIT
     * compiled the loop. It runs first in this class, so its first call runs interpreted when no
     * earlier test class in the same JVM has compiled the loops.
     */
    @ParameterizedTest
    @Order(1)
    @EnumSource(value = UnaryOp.class, names = {"EXP", "EXPM1", "LOG", "LOG1P", "TANH", "SIGMOID"})
    void resultsUnchangedByWarmUp(UnaryOp op) {
        int n = 203;
        float[] floats = TranscendentalInputs.floats(n, 4242 + op.ordinal());
        double[] doubles = TranscendentalInputs.doubles(n, 4242 + op.ordinal());
        float[] floatsCold = new float[n];
        double[] doublesCold = new double[n];
        vector.unary(op, floats, 0, floatsCold, 0, n);
        vector.unary(op, doubles, 0, doublesCold, 0, n);

        float[] floatsScratch = new float[n];
        double[] doublesScratch = new double[n];
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            vector.unary(op, floats, 0, floatsScratch, 0, n);
            vector.unary(op, doubles, 0, doublesScratch, 0, n);
        }

        float[] floatsWarm = new float[n];
        double[] doublesWarm = new double[n];
        vector.unary(op, floats, 0, floatsWarm, 0, n);
        vector.unary(op, doubles, 0, doublesWarm, 0, n);
        assertFloatsIdentical(op + " float32 before and after warm-up", floatsCold, floatsWarm, i -> floats[i]);
        assertDoublesIdentical(op + " float64 before and after warm-up", doublesCold, doublesWarm, i -> doubles[i]);
    }

    // ---------------------------------------------------------------- helpers

    private static float apply(UnaryOp op, float x) {
        return switch (op) {
            case EXP -> PolynomialMath.exp(x);
            case EXPM1 -> PolynomialMath.expm1(x);
            case LOG -> PolynomialMath.log(x);
            case LOG1P -> PolynomialMath.log1p(x);
            case TANH -> PolynomialMath.tanh(x);
            case SIGMOID -> PolynomialMath.sigmoid(x);
            default -> throw new IllegalArgumentException("apply: no PolynomialMath function for " + op);
        };
    }

    private static double apply(UnaryOp op, double x) {
        return switch (op) {
            case EXP -> PolynomialMath.exp(x);
            case EXPM1 -> PolynomialMath.expm1(x);
            case LOG -> PolynomialMath.log(x);
            case LOG1P -> PolynomialMath.log1p(x);
            case TANH -> PolynomialMath.tanh(x);
            case SIGMOID -> PolynomialMath.sigmoid(x);
            default -> throw new IllegalArgumentException("apply: no PolynomialMath function for " + op);
        };
    }

    private interface FloatInput {
        float at(int outputIndex);
    }

    private interface DoubleInput {
        double at(int outputIndex);
    }

    private static void assertFloatsIdentical(String context, float[] expected, float[] actual, FloatInput input) {
        assertEquals(expected.length, actual.length, context + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                float x = input.at(i);
                fail(context + " at " + i + " (x = " + x + " = " + Float.toHexString(x) + "): expected "
                        + Float.toHexString(expected[i]) + ", got " + Float.toHexString(actual[i]));
            }
        }
    }

    private static void assertDoublesIdentical(String context, double[] expected, double[] actual, DoubleInput input) {
        assertEquals(expected.length, actual.length, context + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                double x = input.at(i);
                fail(context + " at " + i + " (x = " + x + " = " + Double.toHexString(x) + "): expected "
                        + Double.toHexString(expected[i]) + ", got " + Double.toHexString(actual[i]));
            }
        }
    }

    private static void assertFloatIdentical(String context, float expected, float actual, float x) {
        if (Float.floatToIntBits(expected) != Float.floatToIntBits(actual)) {
            fail(context + " at x = " + Float.toHexString(x) + ": expected " + Float.toHexString(expected)
                    + ", got " + Float.toHexString(actual));
        }
    }

    private static void assertDoubleIdentical(String context, double expected, double actual, double x) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail(context + " at x = " + Double.toHexString(x) + ": expected " + Double.toHexString(expected)
                    + ", got " + Double.toHexString(actual));
        }
    }
}
