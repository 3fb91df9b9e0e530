package org.cortexj.backend.cpu.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.ElementwiseKernels;
import org.cortexj.backend.cpu.ScalarElementwiseKernels;

/**
 * Vector API loops: a vector body over whole vectors, then the scalar kernel for the tail.
 * Operators without a vector form here (sign, floor, ceil, round, erf) run the scalar kernel.
 *
 * <p>Each operator has its own small loop method: one large method holding every loop exceeds
 * the JIT compiler's inlining budget, and a Vector API call that is not inlined allocates a
 * vector object per step, which is many times slower.
 *
 * <p>Load this class only when the {@code jdk.incubator.vector} module is readable.
 */
public final class VectorElementwiseKernels implements ElementwiseKernels {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final FloatVector FLOAT_ZERO = FloatVector.zero(FLOATS);
    private static final FloatVector FLOAT_ONE = FloatVector.broadcast(FLOATS, 1f);
    private static final DoubleVector DOUBLE_ZERO = DoubleVector.zero(DOUBLES);
    private static final DoubleVector DOUBLE_ONE = DoubleVector.broadcast(DOUBLES, 1.0);

    private final ScalarElementwiseKernels scalar = new ScalarElementwiseKernels();

    @Override
    public String name() {
        return "vector-" + FLOATS.vectorBitSize() + "bit";
    }

    @Override
    public void unary(UnaryOp op, float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = switch (op) {
            case NEG -> negFloats(in, inOffset, out, outOffset, n);
            case ABS -> absFloats(in, inOffset, out, outOffset, n);
            case EXP -> expFloats(in, inOffset, out, outOffset, n);
            case EXPM1 -> expm1Floats(in, inOffset, out, outOffset, n);
            case LOG -> logFloats(in, inOffset, out, outOffset, n);
            case LOG1P -> log1pFloats(in, inOffset, out, outOffset, n);
            case SQRT -> sqrtFloats(in, inOffset, out, outOffset, n);
            case RSQRT -> rsqrtFloats(in, inOffset, out, outOffset, n);
            case SQUARE -> squareFloats(in, inOffset, out, outOffset, n);
            case RECIPROCAL -> reciprocalFloats(in, inOffset, out, outOffset, n);
            case TANH -> tanhFloats(in, inOffset, out, outOffset, n);
            case SIGMOID -> sigmoidFloats(in, inOffset, out, outOffset, n);
            case RELU -> reluFloats(in, inOffset, out, outOffset, n);
            default -> 0;
        };
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void unary(UnaryOp op, double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = switch (op) {
            case NEG -> negDoubles(in, inOffset, out, outOffset, n);
            case ABS -> absDoubles(in, inOffset, out, outOffset, n);
            case EXP -> expDoubles(in, inOffset, out, outOffset, n);
            case EXPM1 -> expm1Doubles(in, inOffset, out, outOffset, n);
            case LOG -> logDoubles(in, inOffset, out, outOffset, n);
            case LOG1P -> log1pDoubles(in, inOffset, out, outOffset, n);
            case SQRT -> sqrtDoubles(in, inOffset, out, outOffset, n);
            case RSQRT -> rsqrtDoubles(in, inOffset, out, outOffset, n);
            case SQUARE -> squareDoubles(in, inOffset, out, outOffset, n);
            case RECIPROCAL -> reciprocalDoubles(in, inOffset, out, outOffset, n);
            case TANH -> tanhDoubles(in, inOffset, out, outOffset, n);
            case SIGMOID -> sigmoidDoubles(in, inOffset, out, outOffset, n);
            case RELU -> reluDoubles(in, inOffset, out, outOffset, n);
            default -> 0;
        };
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, float[] left, int leftOffset, float[] right, int rightOffset,
                       float[] out, int outOffset, int n) {
        int body = switch (op) {
            case ADD -> addFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case SUB -> subFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MUL -> mulFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case DIV -> divFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case POW -> powFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MAXIMUM -> maximumFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MINIMUM -> minimumFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case GT -> gtFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case GE -> geFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case LT -> ltFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case LE -> leFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case EQ -> eqFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case NE -> neFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MUL_NO_NAN -> mulNoNanFloats(left, leftOffset, right, rightOffset, out, outOffset, n);
        };
        scalar.binary(op, left, leftOffset + body, right, rightOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, double[] left, int leftOffset, double[] right, int rightOffset,
                       double[] out, int outOffset, int n) {
        int body = switch (op) {
            case ADD -> addDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case SUB -> subDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MUL -> mulDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case DIV -> divDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case POW -> powDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MAXIMUM -> maximumDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MINIMUM -> minimumDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case GT -> gtDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case GE -> geDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case LT -> ltDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case LE -> leDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case EQ -> eqDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case NE -> neDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
            case MUL_NO_NAN -> mulNoNanDoubles(left, leftOffset, right, rightOffset, out, outOffset, n);
        };
        scalar.binary(op, left, leftOffset + body, right, rightOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void where(float[] condition, int conditionOffset, float[] ifTrue, int trueOffset,
                      float[] ifFalse, int falseOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector c = FloatVector.fromArray(FLOATS, condition, conditionOffset + i);
            FloatVector a = FloatVector.fromArray(FLOATS, ifTrue, trueOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, ifFalse, falseOffset + i);
            b.blend(a, c.compare(VectorOperators.NE, FLOAT_ZERO)).intoArray(out, outOffset + i);
        }
        scalar.where(condition, conditionOffset + body, ifTrue, trueOffset + body,
                ifFalse, falseOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void where(double[] condition, int conditionOffset, double[] ifTrue, int trueOffset,
                      double[] ifFalse, int falseOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector c = DoubleVector.fromArray(DOUBLES, condition, conditionOffset + i);
            DoubleVector a = DoubleVector.fromArray(DOUBLES, ifTrue, trueOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, ifFalse, falseOffset + i);
            b.blend(a, c.compare(VectorOperators.NE, DOUBLE_ZERO)).intoArray(out, outOffset + i);
        }
        scalar.where(condition, conditionOffset + body, ifTrue, trueOffset + body,
                ifFalse, falseOffset + body, out, outOffset + body, n - body);
    }

    // Loop bodies: each returns how many leading elements it computed; the caller finishes the tail.

    private static int negFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.neg().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int absFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.abs().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int expFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.lanewise(VectorOperators.EXP).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int expm1Floats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.lanewise(VectorOperators.EXPM1).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int logFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.lanewise(VectorOperators.LOG).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int log1pFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.lanewise(VectorOperators.LOG1P).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int sqrtFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.sqrt().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int rsqrtFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FLOAT_ONE.div(x.sqrt()).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int squareFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.mul(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int reciprocalFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FLOAT_ONE.div(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int tanhFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.lanewise(VectorOperators.TANH).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int sigmoidFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            sigmoid(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int reluFloats(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            x.max(FLOAT_ZERO).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int addFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.add(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int subFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.sub(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.mul(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int divFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.div(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int powFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.pow(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int maximumFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.max(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int minimumFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.min(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int gtFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int geFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int ltFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int leFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int eqFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int neFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulNoNanFloats(float[] left, int leftOffset, float[] right, int rightOffset,
                                   float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
            a.mul(b).blend(FLOAT_ZERO, b.compare(VectorOperators.EQ, FLOAT_ZERO)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int negDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.neg().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int absDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.abs().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int expDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.lanewise(VectorOperators.EXP).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int expm1Doubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.lanewise(VectorOperators.EXPM1).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int logDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.lanewise(VectorOperators.LOG).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int log1pDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.lanewise(VectorOperators.LOG1P).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int sqrtDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.sqrt().intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int rsqrtDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DOUBLE_ONE.div(x.sqrt()).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int squareDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.mul(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int reciprocalDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DOUBLE_ONE.div(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int tanhDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.lanewise(VectorOperators.TANH).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int sigmoidDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            sigmoid(x).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int reluDoubles(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            x.max(DOUBLE_ZERO).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int addDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.add(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int subDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.sub(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.mul(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int divDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.div(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int powDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.pow(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int maximumDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.max(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int minimumDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.min(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int gtDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int geDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int ltDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int leDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int eqDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int neDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulNoNanDoubles(double[] left, int leftOffset, double[] right, int rightOffset,
                                   double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
            a.mul(b).blend(DOUBLE_ZERO, b.compare(VectorOperators.EQ, DOUBLE_ZERO)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Sigmoid without overflow: with e = exp(−|x|), 1/(1+e) for x ≥ 0 and e/(1+e) below. */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
        FloatVector r = FLOAT_ONE.div(FLOAT_ONE.add(e));
        return r.blend(e.mul(r), x.compare(VectorOperators.LT, FLOAT_ZERO));
    }

    /** Sigmoid without overflow: with e = exp(−|x|), 1/(1+e) for x ≥ 0 and e/(1+e) below. */
    private static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector e = x.abs().neg().lanewise(VectorOperators.EXP);
        DoubleVector r = DOUBLE_ONE.div(DOUBLE_ONE.add(e));
        return r.blend(e.mul(r), x.compare(VectorOperators.LT, DOUBLE_ZERO));
    }
}
