package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertFailsWith;
import static org.cortexj.tensor.TensorAssertions.assertShape;
import static org.cortexj.tensor.TensorAssertions.assertValuesClose;
import static org.cortexj.tensor.TensorAssertions.assertValuesExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Elementwise operators against {@link Math} and Java's IEEE 754 arithmetic, at edge inputs.
 *
 * <p>Tolerances: operators that IEEE 754 rounds once (neg, abs, sqrt, square, reciprocal, relu,
 * sign, floor, ceil, round, the four arithmetic operators, maximum, minimum, comparisons) must
 * match bit for bit. rsqrt may be 1 ulp off because float32 kernels may round 1/√x twice.
 * exp, expm1, log, log1p, tanh, sigmoid and pow may be up to {@value #TRANSCENDENTAL_ULPS} ulps
 * of the result type off, because vector kernels use their own approximations. Every
 * special result (NaN, ±∞, ±0) must match exactly.
 */
class ElementwiseOpsTest {

    static final int TRANSCENDENTAL_ULPS = 4;

    /** erf is computed by series and continued fraction in double, a few roundings each. */
    static final int ERF_ULPS = 4;

    static final float[] FLOAT_EDGES = {
        0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 3.7f, -3.7f, 0.3f, -0.7f, 1e-7f, -1e-7f,
        20f, -20f, 80f, -80f, 100f, -100f, 1000f, -1000f, 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_VALUE, -Float.MIN_VALUE, 0x1.0p-130f, -0x1.0p-130f, 0x1.fffffcp-127f, Float.MIN_NORMAL,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN
    };

    static final double[] DOUBLE_EDGES = {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.7, -3.7, 0.3, -0.7, 1e-17, -1e-17,
        20.0, -20.0, 80.0, -80.0, 700.0, -700.0, 1000.0, -1000.0, 1e300, -1e300, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1.0p-1060, -0x1.0p-1060,
        0x0.fffffffffffffp-1022, Double.MIN_NORMAL, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN
    };

    // ---------------------------------------------------------------- unary operators

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = "ERF", mode = EnumSource.Mode.EXCLUDE)
    void unaryFloat32MatchesMath(UnaryOp op) {
        double[] inputs = widen(FLOAT_EDGES);
        double[] expected = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            expected[i] = referenceUnaryFloat(op, FLOAT_EDGES[i]);
        }

        assertUlps(op.name(), inputs, expected, Tensor.of(FLOAT_EDGES.clone(), inputs.length).apply(op),
                unaryUlps(op), DataType.FLOAT32);
        for (int i = 0; i < inputs.length; i++) {
            Tensor single = Tensor.of(new float[] {FLOAT_EDGES[i]}, 1).apply(op);
            assertUlps(op.name() + " alone", new double[] {inputs[i]}, new double[] {expected[i]}, single,
                    unaryUlps(op), DataType.FLOAT32);
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = "ERF", mode = EnumSource.Mode.EXCLUDE)
    void unaryFloat64MatchesMath(UnaryOp op) {
        double[] expected = new double[DOUBLE_EDGES.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = referenceUnary(op, DOUBLE_EDGES[i]);
        }

        assertUlps(op.name(), DOUBLE_EDGES, expected, Tensor.of(DOUBLE_EDGES, DOUBLE_EDGES.length).apply(op),
                unaryUlps(op), DataType.FLOAT64);
        for (int i = 0; i < DOUBLE_EDGES.length; i++) {
            Tensor single = Tensor.of(new double[] {DOUBLE_EDGES[i]}, 1).apply(op);
            assertUlps(op.name() + " alone", new double[] {DOUBLE_EDGES[i]}, new double[] {expected[i]}, single,
                    unaryUlps(op), DataType.FLOAT64);
        }
    }

    @Test
    void erfMatchesDecimalSeries() {
        double[] x = new double[1201 + 4];
        for (int i = 0; i <= 1200; i++) {
            x[i] = -6 + i * 0.01;
        }
        x[1201] = 1e-300;
        x[1202] = -3e-10;
        x[1203] = 0.1;
        x[1204] = Double.MIN_VALUE;
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = erfReference(x[i]);
        }

        double[] float64 = Tensor.of(x, x.length).erf().toDoubleArray();
        double[] float32 = Tensor.of(x, x.length).toType(DataType.FLOAT32).erf().toDoubleArray();

        for (int i = 0; i < x.length; i++) {
            String error = closeWithin(expected[i], float64[i], ERF_ULPS, DataType.FLOAT64);
            if (error != null) {
                fail("erf float64 at x = " + x[i] + ": " + error);
            }
            double fromFloat = erfReference((float) x[i]);
            error = closeWithin((float) fromFloat, float32[i], 1, DataType.FLOAT32);
            if (error != null) {
                fail("erf float32 at x = " + (float) x[i] + ": " + error);
            }
        }
    }

    /**
     * erf(x) from its Maclaurin series 2/√π · Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), summed in 80-digit
     * decimal arithmetic so that the alternating terms (up to about 5·10^13 at |x| = 6) cancel
     * without loss.
     */
    private static double erfReference(double x) {
        if (x == 0 || Math.abs(x) < 1e-200) {
            return x * 1.1283791670955126;
        }
        MathContext context = new MathContext(80);
        BigDecimal value = new BigDecimal(x);
        BigDecimal square = value.multiply(value, context);
        BigDecimal power = value;
        BigDecimal sum = value;
        BigDecimal negligible = BigDecimal.ONE.movePointLeft(60);
        for (int n = 1; n < 2000; n++) {
            power = power.multiply(square, context).divide(BigDecimal.valueOf(-n), context);
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), context);
            sum = sum.add(term, context);
            if (n > 2 * x * x && term.abs().compareTo(negligible) < 0) {
                break;
            }
        }
        BigDecimal pi = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459230781640");
        return sum.multiply(BigDecimal.valueOf(2), context).divide(pi.sqrt(context), context).doubleValue();
    }

    @Test
    void erfSpecialValues() {
        double[] inputs = {0.0, -0.0, 7.0, -7.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] expected = {0.0, -0.0, 1.0, -1.0, 1.0, -1.0, Double.NaN};

        assertValuesExact(expected, Tensor.of(inputs, inputs.length).erf());
        assertValuesExact(expected, Tensor.of(inputs, inputs.length).toType(DataType.FLOAT32).erf());
    }

    @Test
    void roundIsHalfToEven() {
        double[] inputs = {0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, -0.0, 1048576.5, 1048577.5};
        double[] expected = {0.0, 2.0, 2.0, 4.0, -0.0, -2.0, -2.0, 2.0, 3.0, -0.0, 1048576, 1048578};

        assertValuesExact(expected, Tensor.of(inputs, inputs.length).round());
        assertValuesExact(expected, Tensor.of(inputs, inputs.length).toType(DataType.FLOAT32).round());
    }

    @Test
    void sigmoidStaysFiniteAtExtremes() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double[] values = Tensor.of(new double[] {-1000, 1000, 0, -0.0}, 4).toType(type).sigmoid().toDoubleArray();

            assertEquals(0.0, values[0], type.toString());
            assertEquals(1.0, values[1], type.toString());
            assertEquals(0.5, values[2], type.toString());
            assertEquals(0.5, values[3], type.toString());
        }
    }

    @Test
    void namedMethodsApplyTheirOperator() {
        Map<UnaryOp, Function<Tensor, Tensor>> methods = new EnumMap<>(UnaryOp.class);
        methods.put(UnaryOp.NEG, Tensor::neg);
        methods.put(UnaryOp.ABS, Tensor::abs);
        methods.put(UnaryOp.EXP, Tensor::exp);
        methods.put(UnaryOp.EXPM1, Tensor::expm1);
        methods.put(UnaryOp.LOG, Tensor::log);
        methods.put(UnaryOp.LOG1P, Tensor::log1p);
        methods.put(UnaryOp.SQRT, Tensor::sqrt);
        methods.put(UnaryOp.RSQRT, Tensor::rsqrt);
        methods.put(UnaryOp.SQUARE, Tensor::square);
        methods.put(UnaryOp.RECIPROCAL, Tensor::reciprocal);
        methods.put(UnaryOp.TANH, Tensor::tanh);
        methods.put(UnaryOp.SIGMOID, Tensor::sigmoid);
        methods.put(UnaryOp.RELU, Tensor::relu);
        methods.put(UnaryOp.SIGN, Tensor::sign);
        methods.put(UnaryOp.FLOOR, Tensor::floor);
        methods.put(UnaryOp.CEIL, Tensor::ceil);
        methods.put(UnaryOp.ROUND, Tensor::round);
        methods.put(UnaryOp.ERF, Tensor::erf);
        assertEquals(UnaryOp.values().length, methods.size());

        double[] inputs = {0.3, 1.7, 2.5, 4.2};
        for (Map.Entry<UnaryOp, Function<Tensor, Tensor>> entry : methods.entrySet()) {
            Tensor x = Tensor.of(inputs, 4);
            assertValuesExact(x.apply(entry.getKey()).toDoubleArray(), entry.getValue().apply(x));
        }
        Tensor x = Tensor.of(inputs, 4);
        assertValuesExact(new double[] {-0.3, -1.7, -2.5, -4.2}, x.neg());
        assertValuesClose(new double[] {Math.exp(0.3), Math.exp(1.7), Math.exp(2.5), Math.exp(4.2)}, x.exp(), 1e-14);
    }

    // ---------------------------------------------------------------- binary operators

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryFloat32MatchesJava(BinaryOp op) {
        int n = FLOAT_EDGES.length;
        float[] left = new float[n * n];
        float[] right = new float[n * n];
        double[] expected = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                left[i * n + j] = FLOAT_EDGES[i];
                right[i * n + j] = FLOAT_EDGES[j];
                expected[i * n + j] = referenceBinaryFloat(op, FLOAT_EDGES[i], FLOAT_EDGES[j]);
            }
        }

        Tensor result = Tensor.of(left, n * n).apply(op, Tensor.of(right, n * n));

        assertEquals(DataType.FLOAT32, result.dataType());
        assertPairs(op, widen(left), widen(right), expected, result, binaryUlps(op), DataType.FLOAT32);
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryFloat64MatchesJava(BinaryOp op) {
        int n = DOUBLE_EDGES.length;
        double[] left = new double[n * n];
        double[] right = new double[n * n];
        double[] expected = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                left[i * n + j] = DOUBLE_EDGES[i];
                right[i * n + j] = DOUBLE_EDGES[j];
                expected[i * n + j] = referenceBinary(op, DOUBLE_EDGES[i], DOUBLE_EDGES[j]);
            }
        }

        Tensor result = Tensor.of(left, n * n).apply(op, Tensor.of(right, n * n));

        assertEquals(DataType.FLOAT64, result.dataType());
        assertPairs(op, left, right, expected, result, binaryUlps(op), DataType.FLOAT64);
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void constantOperandsOnEitherSide(BinaryOp op) {
        double[] constants = {2.5, -0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY};
        for (double c : constants) {
            Tensor doubles = Tensor.of(DOUBLE_EDGES, DOUBLE_EDGES.length);
            Tensor floats = Tensor.of(FLOAT_EDGES.clone(), FLOAT_EDGES.length);
            double[] leftExpected = new double[DOUBLE_EDGES.length];
            double[] rightExpected = new double[DOUBLE_EDGES.length];
            double[] leftFloat = new double[FLOAT_EDGES.length];
            double[] rightFloat = new double[FLOAT_EDGES.length];
            for (int i = 0; i < DOUBLE_EDGES.length; i++) {
                leftExpected[i] = referenceBinary(op, c, DOUBLE_EDGES[i]);
                rightExpected[i] = referenceBinary(op, DOUBLE_EDGES[i], c);
            }
            for (int i = 0; i < FLOAT_EDGES.length; i++) {
                leftFloat[i] = referenceBinaryFloat(op, (float) c, FLOAT_EDGES[i]);
                rightFloat[i] = referenceBinaryFloat(op, FLOAT_EDGES[i], (float) c);
            }

            String name = op + " with constant " + c;
            assertUlps(name + " on the left", DOUBLE_EDGES, leftExpected, doubles.constant(c).apply(op, doubles),
                    binaryUlps(op), DataType.FLOAT64);
            assertUlps(name + " on the right", DOUBLE_EDGES, rightExpected, doubles.apply(op, doubles.constant(c)),
                    binaryUlps(op), DataType.FLOAT64);
            assertUlps(name + " on the left", widen(FLOAT_EDGES), leftFloat, floats.constant(c).apply(op, floats),
                    binaryUlps(op), DataType.FLOAT32);
            assertUlps(name + " on the right", widen(FLOAT_EDGES), rightFloat, floats.apply(op, floats.constant(c)),
                    binaryUlps(op), DataType.FLOAT32);
        }
    }

    @Test
    void constantOnlyExpressions() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3);

        assertValuesExact(new double[] {5}, x.constant(2).add(x.constant(3)).reshape(1));
        assertValuesExact(new double[] {7, 7, 7}, x.constant(7).expand(3).mul(1));
        assertValuesExact(new double[] {4, 5, 6}, x.constant(2).add(x.constant(1)).add(x));
    }

    @Test
    void comparisonsReturnZeroOrOne() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, Double.NaN, Double.NaN, -0.0}, 6);
        Tensor b = Tensor.of(new double[] {2, 2, 2, 1, Double.NaN, 0.0}, 6);

        assertValuesExact(new double[] {0, 0, 1, 0, 0, 0}, a.gt(b));
        assertValuesExact(new double[] {0, 1, 1, 0, 0, 1}, a.ge(b));
        assertValuesExact(new double[] {1, 0, 0, 0, 0, 0}, a.lt(b));
        assertValuesExact(new double[] {1, 1, 0, 0, 0, 1}, a.le(b));
        assertValuesExact(new double[] {0, 1, 0, 0, 0, 1}, a.eq(b));
        assertValuesExact(new double[] {1, 0, 1, 1, 1, 0}, a.ne(b));
        assertEquals(DataType.FLOAT64, a.gt(b).dataType());
        assertEquals(DataType.FLOAT32, a.toType(DataType.FLOAT32).gt(2).dataType());
        assertValuesExact(new double[] {0, 0, 1, 0, 0, 0}, a.toType(DataType.FLOAT32).gt(2));
    }

    @Test
    void maximumMinimumPropagateNan() {
        Tensor a = Tensor.of(new float[] {Float.NaN, 1, -0f, 0f, 3}, 5);
        Tensor b = Tensor.of(new float[] {1, Float.NaN, 0f, -0f, Float.NEGATIVE_INFINITY}, 5);

        assertValuesExact(new double[] {Double.NaN, Double.NaN, 0.0, 0.0, 3}, a.maximum(b));
        assertValuesExact(new double[] {Double.NaN, Double.NaN, -0.0, -0.0, Double.NEGATIVE_INFINITY}, a.minimum(b));
        assertValuesExact(new double[] {Double.NaN, 2, 2, 2, 3}, a.maximum(2));
    }

    @Test
    void mulNoNanZeroesWhereRightIsZero() {
        Tensor a = Tensor.of(new double[] {Double.POSITIVE_INFINITY, Double.NaN, 2, Double.NaN}, 4);
        Tensor b = Tensor.of(new double[] {0, -0.0, 3, 1}, 4);

        assertValuesExact(new double[] {0, 0, 6, Double.NaN}, a.mulNoNan(b));
    }

    @Test
    void scalarOverloadsUseTensorType() {
        Tensor x = Tensor.of(new float[] {1, 2, 4}, 3);

        assertValuesExact(new double[] {3, 4, 6}, x.add(2));
        assertValuesExact(new double[] {-1, 0, 2}, x.sub(2));
        assertValuesExact(new double[] {0.5, 1, 2}, x.mul(0.5));
        assertValuesExact(new double[] {0.25, 0.5, 1}, x.div(4));
        assertValuesExact(new double[] {1, 4, 16}, x.pow(2));
        assertValuesExact(new double[] {2, 2, 4}, x.maximum(2));
        assertValuesExact(new double[] {1, 2, 2}, x.minimum(2));
        assertValuesExact(new double[] {0, 0, 1}, x.gt(2));
        assertValuesExact(new double[] {0, 1, 1}, x.ge(2));
        assertValuesExact(new double[] {1, 0, 0}, x.lt(2));
        assertValuesExact(new double[] {1, 1, 0}, x.le(2));
        assertValuesExact(new double[] {0, 1, 0}, x.eq(2));
        assertValuesExact(new double[] {1, 0, 1}, x.ne(2));
        assertEquals(DataType.FLOAT32, x.add(0.1).dataType());
        assertEquals((double) (1f + 0.1f), x.add(0.1).get(0));
    }

    // ---------------------------------------------------------------- where

    @Test
    void whereSelectsWithoutLeakingInfinity() {
        Tensor x = Tensor.of(new double[] {-1000, -1, 0, 1, 1000}, 5);

        Tensor huge = x.exp();
        Tensor safe = Tensor.where(x.gt(0), x, huge.sub(1).mul(0.5));
        Tensor picked = Tensor.where(x.lt(500), x, x.mul(Double.POSITIVE_INFINITY));
        Tensor nanBranch = Tensor.where(x.ge(0), x.sqrt(), x.neg().sqrt());

        assertValuesExact(new double[] {-0.5, (Math.exp(-1) - 1) * 0.5, 0, 1, 1000}, safe);
        assertValuesExact(new double[] {-1000, -1, 0, 1, Double.POSITIVE_INFINITY}, picked);
        assertValuesExact(new double[] {Math.sqrt(1000), 1, 0, 1, Math.sqrt(1000)}, nanBranch);
    }

    @Test
    void whereBroadcastsAndAcceptsScalars() {
        Tensor condition = Tensor.of(new float[] {1, 0, 1}, 3);
        Tensor rows = Tensor.of(new float[] {10, 20}, 2, 1);

        Tensor result = Tensor.where(condition, rows, -1);
        Tensor flipped = Tensor.where(condition, 5, rows);

        assertShape(result, 2, 3);
        assertValuesExact(new double[] {10, -1, 10, 20, -1, 20}, result);
        assertValuesExact(new double[] {5, 10, 5, 5, 20, 5}, flipped);
    }

    @Test
    void whereTreatsNanConditionAsTrue() {
        Tensor condition = Tensor.of(new double[] {Double.NaN, 0, -0.0, 2}, 4);
        Tensor a = Tensor.of(new double[] {1, 1, 1, 1}, 4);
        Tensor b = Tensor.of(new double[] {9, 9, 9, 9}, 4);

        assertValuesExact(new double[] {1, 9, 9, 1}, Tensor.where(condition, a, b));
    }

    @Test
    void whereConvertsConditionType() {
        Tensor condition = Tensor.of(new int[] {0, 3, -1}, 3);
        Tensor a = Tensor.of(new double[] {1, 2, 3}, 3);

        assertValuesExact(new double[] {0, 2, 3}, Tensor.where(condition, a, 0));
        assertValuesExact(new double[] {1, 0, 3}, Tensor.where(a.toType(DataType.FLOAT32).ne(2), a, 0));
    }

    // ---------------------------------------------------------------- broadcasting and shapes

    @Test
    void broadcastAgainstColumn() {
        Tensor a = TensorAssertions.iota(2, 3, 4);
        Tensor b = Tensor.of(new double[] {100, 200, 300}, 3, 1);

        assertBroadcastSum(a, b, (i, j, k) -> (i * 12 + j * 4 + k) + 100.0 * (j + 1));
    }

    @Test
    void broadcastAgainstRow() {
        Tensor a = TensorAssertions.iota(2, 3, 4);
        Tensor b = Tensor.of(new double[] {1000, 2000, 3000, 4000}, 1, 4);

        assertBroadcastSum(a, b, (i, j, k) -> (i * 12 + j * 4 + k) + 1000.0 * (k + 1));
    }

    @Test
    void broadcastAgainstScalar() {
        Tensor a = TensorAssertions.iota(2, 3, 4);

        assertBroadcastSum(a, Tensor.scalar(0.5, DataType.FLOAT64), (i, j, k) -> (i * 12 + j * 4 + k) + 0.5);
        assertBroadcastSum(Tensor.scalar(0.5, DataType.FLOAT64), a, (i, j, k) -> (i * 12 + j * 4 + k) + 0.5);
    }

    @Test
    void broadcastBothOperandsStretch() {
        Tensor a = TensorAssertions.iota(2, 1, 4);
        Tensor b = Tensor.of(new double[] {100, 200, 300}, 3, 1);

        assertBroadcastSum(a, b, (i, j, k) -> (i * 4 + k) + 100.0 * (j + 1));
    }

    private interface ExpectedValue {
        double at(int i, int j, int k);
    }

    private static void assertBroadcastSum(Tensor a, Tensor b, ExpectedValue expected) {
        Tensor sum = a.add(b);

        assertShape(sum, 2, 3, 4);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(expected.at(i, j, k), sum.get(i, j, k), "element " + i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void incompatibleShapesNameBoth() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);

        assertFailsWith(IllegalArgumentException.class, () -> a.add(b),
                "add: cannot broadcast shapes [2, 3] and [4]", "equal or 1");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).mul(Tensor.zeros(3, 2)),
                "mul: cannot broadcast shapes [2, 3, 4] and [3, 2]");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.where(Tensor.zeros(5), a, a),
                "where: cannot broadcast");
    }

    @Test
    void mismatchedTypesAreRejected() {
        Tensor floats = Tensor.zeros(DataType.FLOAT32, 3);
        Tensor doubles = Tensor.zeros(DataType.FLOAT64, 3);
        Tensor ints = Tensor.zeros(DataType.INT32, 3);

        assertFailsWith(IllegalArgumentException.class, () -> floats.add(doubles),
                "add: operand types differ, float32 and float64", "toType");
        assertFailsWith(IllegalArgumentException.class, () -> Tensor.where(floats, floats, doubles),
                "where: operand types differ");
        assertFailsWith(IllegalArgumentException.class, () -> ints.exp(), "exp: needs float32 or float64", "int32");
        assertFailsWith(IllegalArgumentException.class, () -> ints.add(ints), "add: needs float32 or float64");
    }

    @Test
    void rankZeroOperands() {
        Tensor a = Tensor.scalar(3, DataType.FLOAT64);
        Tensor b = Tensor.scalar(4, DataType.FLOAT64);

        Tensor sum = a.add(b);
        Tensor spread = a.mul(Tensor.of(new double[] {1, 2}, 2));

        assertEquals(0, sum.rank());
        assertEquals(7, sum.item());
        assertEquals(5, a.square().add(b.square()).sqrt().item());
        assertShape(spread, 2);
        assertValuesExact(new double[] {3, 6}, spread);
    }

    @Test
    void emptyOperandsGiveEmptyResults() {
        Tensor empty = Tensor.zeros(0, 3);

        Tensor sum = empty.add(Tensor.ones(3));
        Tensor chained = empty.exp().mul(2).sub(empty);

        assertShape(sum, 0, 3);
        assertEquals(0, sum.toDoubleArray().length);
        assertShape(chained, 0, 3);
        assertEquals(0, chained.toFloatArray().length);
        assertShape(Tensor.zeros(0).add(Tensor.scalar(1)), 0);
        assertFailsWith(IllegalArgumentException.class, () -> empty.add(Tensor.ones(2, 1)), "cannot broadcast");
    }

    @Test
    void castBetweenTypes() {
        Tensor doubles = Tensor.of(new double[] {1.5, -2.7, 1e40, Double.NaN}, 4);

        Tensor floats = doubles.toType(DataType.FLOAT32);
        Tensor ints = Tensor.of(new double[] {1.9, -2.9, 0}, 3).toType(DataType.INT32);

        assertEquals(DataType.FLOAT32, floats.dataType());
        assertValuesExact(new double[] {1.5, (float) -2.7, Double.POSITIVE_INFINITY, Double.NaN}, floats);
        assertEquals(DataType.INT32, ints.dataType());
        assertEquals(1, ints.toIntArray()[0]);
        assertEquals(-2, ints.toIntArray()[1]);
        assertValuesExact(new double[] {7, -3}, Tensor.of(new int[] {7, -3}, 2).toType(DataType.FLOAT64));
        assertTrue(doubles.toType(DataType.FLOAT64) == doubles, "same type returns the tensor itself");
    }

    // ---------------------------------------------------------------- references

    private static double referenceUnary(UnaryOp op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case EXP -> Math.exp(x);
            case EXPM1 -> Math.expm1(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case SQRT -> Math.sqrt(x);
            case RSQRT -> 1.0 / Math.sqrt(x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1.0 / x;
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case RELU -> Math.max(x, 0.0);
            case SIGN -> Math.signum(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x);
            case ERF -> throw new IllegalArgumentException("erf has no Math reference");
        };
    }

    /** Returns the float32 reference: Java float arithmetic where it exists, else the double result rounded once. */
    private static double referenceUnaryFloat(UnaryOp op, float x) {
        return switch (op) {
            case SQUARE -> x * x;
            case RECIPROCAL -> 1f / x;
            default -> (float) referenceUnary(op, x);
        };
    }

    private static double referenceBinary(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case MUL_NO_NAN -> b == 0 ? 0 : a * b;
        };
    }

    private static double referenceBinaryFloat(BinaryOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> (float) Math.pow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case MUL_NO_NAN -> b == 0 ? 0f : a * b;
            default -> referenceBinary(op, a, b);
        };
    }

    private static int unaryUlps(UnaryOp op) {
        return switch (op) {
            case EXP, EXPM1, LOG, LOG1P, TANH, SIGMOID -> TRANSCENDENTAL_ULPS;
            case RSQRT -> 1;
            default -> 0;
        };
    }

    private static int binaryUlps(BinaryOp op) {
        return op == BinaryOp.POW ? TRANSCENDENTAL_ULPS : 0;
    }

    private static void assertUlps(String op, double[] inputs, double[] expected, Tensor result, int ulps,
                                   DataType type) {
        double[] actual = result.toDoubleArray();
        assertEquals(expected.length, actual.length, op + " element count");
        for (int i = 0; i < expected.length; i++) {
            String error = closeWithin(expected[i], actual[i], ulps, type);
            if (error != null) {
                fail(op + " " + type + " at x = " + inputs[i] + ": " + error);
            }
        }
    }

    private static void assertPairs(BinaryOp op, double[] left, double[] right, double[] expected, Tensor result,
                                    int ulps, DataType type) {
        double[] actual = result.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            String error = closeWithin(expected[i], actual[i], ulps, type);
            if (error != null) {
                fail(op + " " + type + " at (" + left[i] + ", " + right[i] + "): " + error);
            }
        }
    }

    /** Returns null when actual is within {@code ulps} of expected and every special value matches exactly. */
    static String closeWithin(double expected, double actual, int ulps, DataType type) {
        boolean special = Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0;
        if (special || ulps == 0) {
            boolean same = Double.isNaN(expected) ? Double.isNaN(actual)
                    : Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual);
            return same ? null : "expected " + expected + ", got " + actual;
        }
        double unit = type == DataType.FLOAT32 ? Math.ulp((float) expected) : Math.ulp(expected);
        if (Math.abs(actual - expected) <= ulps * unit) {
            return null;
        }
        return "expected " + expected + ", got " + actual + ", more than " + ulps + " ulps apart";
    }

    private static double[] widen(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
