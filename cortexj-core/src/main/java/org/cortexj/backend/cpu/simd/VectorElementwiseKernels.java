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
 * <p>exp, expm1, log, log1p, tanh, sigmoid and pow run the scalar kernel too, because the Vector
 * API evaluates them lane by lane with {@link Math} until C2 compiles the loop and with its own
 * native routines afterwards. Results then changed in the last bit with the warm-up state, so the
 * same input gave different outputs from one call to the next and from one worker count to
 * another (seen on JDK 17.0.15, x86-64 with AVX-512).
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
        int body = FLOATS.loopBound(n);
        switch (op) {
            case NEG -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    x.neg().intoArray(out, outOffset + i);
                }
            }
            case ABS -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    x.abs().intoArray(out, outOffset + i);
                }
            }
            case SQRT -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    x.sqrt().intoArray(out, outOffset + i);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    FLOAT_ONE.div(x.sqrt()).intoArray(out, outOffset + i);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    x.mul(x).intoArray(out, outOffset + i);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    FLOAT_ONE.div(x).intoArray(out, outOffset + i);
                }
            }
            case RELU -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                    x.max(FLOAT_ZERO).intoArray(out, outOffset + i);
                }
            }
            // TODO: vector exp and log built from fma and bit operations alone would give
            // reproducible results at SIMD speed; until then these operators run scalar.
            default -> body = 0;
        }
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void unary(UnaryOp op, double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        switch (op) {
            case NEG -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    x.neg().intoArray(out, outOffset + i);
                }
            }
            case ABS -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    x.abs().intoArray(out, outOffset + i);
                }
            }
            case SQRT -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    x.sqrt().intoArray(out, outOffset + i);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    DOUBLE_ONE.div(x.sqrt()).intoArray(out, outOffset + i);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    x.mul(x).intoArray(out, outOffset + i);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    DOUBLE_ONE.div(x).intoArray(out, outOffset + i);
                }
            }
            case RELU -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
                    x.max(DOUBLE_ZERO).intoArray(out, outOffset + i);
                }
            }
            default -> body = 0;
        }
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, float[] left, int leftOffset, float[] right, int rightOffset,
                       float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        switch (op) {
            case ADD -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.add(b).intoArray(out, outOffset + i);
                }
            }
            case SUB -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.sub(b).intoArray(out, outOffset + i);
                }
            }
            case MUL -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.mul(b).intoArray(out, outOffset + i);
                }
            }
            case DIV -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.div(b).intoArray(out, outOffset + i);
                }
            }
            case POW -> body = 0;
            case MAXIMUM -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.max(b).intoArray(out, outOffset + i);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.min(b).intoArray(out, outOffset + i);
                }
            }
            case GT -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
                }
            }
            case GE -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
                }
            }
            case LT -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
                }
            }
            case LE -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
                }
            }
            case EQ -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
                }
            }
            case NE -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < body; i += FLOATS.length()) {
                    FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
                    FloatVector b = FloatVector.fromArray(FLOATS, right, rightOffset + i);
                    a.mul(b).blend(FLOAT_ZERO, b.compare(VectorOperators.EQ, FLOAT_ZERO)).intoArray(out, outOffset + i);
                }
            }
        }
        scalar.binary(op, left, leftOffset + body, right, rightOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, double[] left, int leftOffset, double[] right, int rightOffset,
                       double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        switch (op) {
            case ADD -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.add(b).intoArray(out, outOffset + i);
                }
            }
            case SUB -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.sub(b).intoArray(out, outOffset + i);
                }
            }
            case MUL -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.mul(b).intoArray(out, outOffset + i);
                }
            }
            case DIV -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.div(b).intoArray(out, outOffset + i);
                }
            }
            case POW -> body = 0;
            case MAXIMUM -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.max(b).intoArray(out, outOffset + i);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.min(b).intoArray(out, outOffset + i);
                }
            }
            case GT -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
                }
            }
            case GE -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
                }
            }
            case LT -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
                }
            }
            case LE -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
                }
            }
            case EQ -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
                }
            }
            case NE -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < body; i += DOUBLES.length()) {
                    DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
                    DoubleVector b = DoubleVector.fromArray(DOUBLES, right, rightOffset + i);
                    a.mul(b).blend(DOUBLE_ZERO, b.compare(VectorOperators.EQ, DOUBLE_ZERO)).intoArray(out, outOffset + i);
                }
            }
        }
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
}
