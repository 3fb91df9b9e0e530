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
 * <p>exp, expm1, log, log1p, tanh and sigmoid use {@link FloatVectorMath} and
 * {@link DoubleVectorMath}, not the Vector API's own operators: those evaluate lane by lane with
 * {@link Math} until C2 compiles the loop and with native routines afterwards, so results changed
 * in the last bit with the warm-up state, from one call to the next and from one worker count to
 * another (seen on JDK 17.0.15, x86-64 with AVX-512). The replacements give the same bits as the
 * scalar kernel. pow runs the scalar kernel.
 *
 * <p>Each operator has its own small loop method, reached through a lookup table.
 *
 * <p>Load this class only when the {@code jdk.incubator.vector} module is readable.
 */
public final class VectorElementwiseKernels implements ElementwiseKernels {

    private static final VectorSpecies<Float> FLOATS = VectorWidth.floatSpecies();
    private static final VectorSpecies<Double> DOUBLES = VectorWidth.doubleSpecies();
    private static final FloatVector FLOAT_ZERO = FloatVector.zero(FLOATS);
    private static final FloatVector FLOAT_ONE = FloatVector.broadcast(FLOATS, 1f);
    private static final DoubleVector DOUBLE_ZERO = DoubleVector.zero(DOUBLES);
    private static final DoubleVector DOUBLE_ONE = DoubleVector.broadcast(DOUBLES, 1.0);

    /** A vector loop over n elements that returns how many leading elements it computed. */
    @FunctionalInterface
    private interface FloatUnaryLoop {
        int run(float[] in, int inOffset, float[] out, int outOffset, int n);
    }

    @FunctionalInterface
    private interface DoubleUnaryLoop {
        int run(double[] in, int inOffset, double[] out, int outOffset, int n);
    }

    @FunctionalInterface
    private interface FloatBinaryLoop {
        int run(float[] left, int leftOffset, float[] right, int rightOffset, float[] out, int outOffset, int n);
    }

    @FunctionalInterface
    private interface DoubleBinaryLoop {
        int run(double[] left, int leftOffset, double[] right, int rightOffset, double[] out, int outOffset, int n);
    }

    @FunctionalInterface
    private interface FloatScalarLoop {
        int run(float[] left, int leftOffset, float right, float[] out, int outOffset, int n);
    }

    @FunctionalInterface
    private interface DoubleScalarLoop {
        int run(double[] left, int leftOffset, double right, double[] out, int outOffset, int n);
    }

    // Dispatch goes through tables of separate loop functions rather than one switch: a switch
    // whose cases the JIT inlines into a single method compiles every loop worse (measured: a
    // 1024-element multiply took 140 ns instead of 71 ns once four operators shared the switch).
    private static final FloatUnaryLoop[] FLOAT_UNARY = new FloatUnaryLoop[UnaryOp.values().length];
    private static final DoubleUnaryLoop[] DOUBLE_UNARY = new DoubleUnaryLoop[UnaryOp.values().length];
    private static final FloatBinaryLoop[] FLOAT_BINARY = new FloatBinaryLoop[BinaryOp.values().length];
    private static final DoubleBinaryLoop[] DOUBLE_BINARY = new DoubleBinaryLoop[BinaryOp.values().length];
    private static final FloatScalarLoop[] FLOAT_SCALAR = new FloatScalarLoop[BinaryOp.values().length];
    private static final DoubleScalarLoop[] DOUBLE_SCALAR = new DoubleScalarLoop[BinaryOp.values().length];

    static {
        FLOAT_UNARY[UnaryOp.EXP.ordinal()] = FloatVectorMath::exp;
        DOUBLE_UNARY[UnaryOp.EXP.ordinal()] = DoubleVectorMath::exp;
        FLOAT_UNARY[UnaryOp.EXPM1.ordinal()] = FloatVectorMath::expm1;
        DOUBLE_UNARY[UnaryOp.EXPM1.ordinal()] = DoubleVectorMath::expm1;
        FLOAT_UNARY[UnaryOp.LOG.ordinal()] = FloatVectorMath::log;
        DOUBLE_UNARY[UnaryOp.LOG.ordinal()] = DoubleVectorMath::log;
        FLOAT_UNARY[UnaryOp.LOG1P.ordinal()] = FloatVectorMath::log1p;
        DOUBLE_UNARY[UnaryOp.LOG1P.ordinal()] = DoubleVectorMath::log1p;
        FLOAT_UNARY[UnaryOp.TANH.ordinal()] = FloatVectorMath::tanh;
        DOUBLE_UNARY[UnaryOp.TANH.ordinal()] = DoubleVectorMath::tanh;
        FLOAT_UNARY[UnaryOp.SIGMOID.ordinal()] = FloatVectorMath::sigmoid;
        DOUBLE_UNARY[UnaryOp.SIGMOID.ordinal()] = DoubleVectorMath::sigmoid;
        FLOAT_SCALAR[BinaryOp.ADD.ordinal()] = VectorElementwiseKernels::addScalarFloats;
        DOUBLE_SCALAR[BinaryOp.ADD.ordinal()] = VectorElementwiseKernels::addScalarDoubles;
        FLOAT_SCALAR[BinaryOp.SUB.ordinal()] = VectorElementwiseKernels::subScalarFloats;
        DOUBLE_SCALAR[BinaryOp.SUB.ordinal()] = VectorElementwiseKernels::subScalarDoubles;
        FLOAT_SCALAR[BinaryOp.MUL.ordinal()] = VectorElementwiseKernels::mulScalarFloats;
        DOUBLE_SCALAR[BinaryOp.MUL.ordinal()] = VectorElementwiseKernels::mulScalarDoubles;
        FLOAT_SCALAR[BinaryOp.DIV.ordinal()] = VectorElementwiseKernels::divScalarFloats;
        DOUBLE_SCALAR[BinaryOp.DIV.ordinal()] = VectorElementwiseKernels::divScalarDoubles;
        FLOAT_SCALAR[BinaryOp.MAXIMUM.ordinal()] = VectorElementwiseKernels::maximumScalarFloats;
        DOUBLE_SCALAR[BinaryOp.MAXIMUM.ordinal()] = VectorElementwiseKernels::maximumScalarDoubles;
        FLOAT_SCALAR[BinaryOp.MINIMUM.ordinal()] = VectorElementwiseKernels::minimumScalarFloats;
        DOUBLE_SCALAR[BinaryOp.MINIMUM.ordinal()] = VectorElementwiseKernels::minimumScalarDoubles;
        FLOAT_SCALAR[BinaryOp.GT.ordinal()] = VectorElementwiseKernels::gtScalarFloats;
        DOUBLE_SCALAR[BinaryOp.GT.ordinal()] = VectorElementwiseKernels::gtScalarDoubles;
        FLOAT_SCALAR[BinaryOp.GE.ordinal()] = VectorElementwiseKernels::geScalarFloats;
        DOUBLE_SCALAR[BinaryOp.GE.ordinal()] = VectorElementwiseKernels::geScalarDoubles;
        FLOAT_SCALAR[BinaryOp.LT.ordinal()] = VectorElementwiseKernels::ltScalarFloats;
        DOUBLE_SCALAR[BinaryOp.LT.ordinal()] = VectorElementwiseKernels::ltScalarDoubles;
        FLOAT_SCALAR[BinaryOp.LE.ordinal()] = VectorElementwiseKernels::leScalarFloats;
        DOUBLE_SCALAR[BinaryOp.LE.ordinal()] = VectorElementwiseKernels::leScalarDoubles;
        FLOAT_SCALAR[BinaryOp.EQ.ordinal()] = VectorElementwiseKernels::eqScalarFloats;
        DOUBLE_SCALAR[BinaryOp.EQ.ordinal()] = VectorElementwiseKernels::eqScalarDoubles;
        FLOAT_SCALAR[BinaryOp.NE.ordinal()] = VectorElementwiseKernels::neScalarFloats;
        DOUBLE_SCALAR[BinaryOp.NE.ordinal()] = VectorElementwiseKernels::neScalarDoubles;
        FLOAT_SCALAR[BinaryOp.MUL_NO_NAN.ordinal()] = VectorElementwiseKernels::mulNoNanScalarFloats;
        DOUBLE_SCALAR[BinaryOp.MUL_NO_NAN.ordinal()] = VectorElementwiseKernels::mulNoNanScalarDoubles;
        FLOAT_UNARY[UnaryOp.NEG.ordinal()] = VectorElementwiseKernels::negFloats;
        DOUBLE_UNARY[UnaryOp.NEG.ordinal()] = VectorElementwiseKernels::negDoubles;
        FLOAT_UNARY[UnaryOp.ABS.ordinal()] = VectorElementwiseKernels::absFloats;
        DOUBLE_UNARY[UnaryOp.ABS.ordinal()] = VectorElementwiseKernels::absDoubles;
        FLOAT_UNARY[UnaryOp.SQRT.ordinal()] = VectorElementwiseKernels::sqrtFloats;
        DOUBLE_UNARY[UnaryOp.SQRT.ordinal()] = VectorElementwiseKernels::sqrtDoubles;
        FLOAT_UNARY[UnaryOp.RSQRT.ordinal()] = VectorElementwiseKernels::rsqrtFloats;
        DOUBLE_UNARY[UnaryOp.RSQRT.ordinal()] = VectorElementwiseKernels::rsqrtDoubles;
        FLOAT_UNARY[UnaryOp.SQUARE.ordinal()] = VectorElementwiseKernels::squareFloats;
        DOUBLE_UNARY[UnaryOp.SQUARE.ordinal()] = VectorElementwiseKernels::squareDoubles;
        FLOAT_UNARY[UnaryOp.RECIPROCAL.ordinal()] = VectorElementwiseKernels::reciprocalFloats;
        DOUBLE_UNARY[UnaryOp.RECIPROCAL.ordinal()] = VectorElementwiseKernels::reciprocalDoubles;
        FLOAT_UNARY[UnaryOp.RELU.ordinal()] = VectorElementwiseKernels::reluFloats;
        DOUBLE_UNARY[UnaryOp.RELU.ordinal()] = VectorElementwiseKernels::reluDoubles;
        FLOAT_BINARY[BinaryOp.ADD.ordinal()] = VectorElementwiseKernels::addFloats;
        DOUBLE_BINARY[BinaryOp.ADD.ordinal()] = VectorElementwiseKernels::addDoubles;
        FLOAT_BINARY[BinaryOp.SUB.ordinal()] = VectorElementwiseKernels::subFloats;
        DOUBLE_BINARY[BinaryOp.SUB.ordinal()] = VectorElementwiseKernels::subDoubles;
        FLOAT_BINARY[BinaryOp.MUL.ordinal()] = VectorElementwiseKernels::mulFloats;
        DOUBLE_BINARY[BinaryOp.MUL.ordinal()] = VectorElementwiseKernels::mulDoubles;
        FLOAT_BINARY[BinaryOp.DIV.ordinal()] = VectorElementwiseKernels::divFloats;
        DOUBLE_BINARY[BinaryOp.DIV.ordinal()] = VectorElementwiseKernels::divDoubles;
        FLOAT_BINARY[BinaryOp.MAXIMUM.ordinal()] = VectorElementwiseKernels::maximumFloats;
        DOUBLE_BINARY[BinaryOp.MAXIMUM.ordinal()] = VectorElementwiseKernels::maximumDoubles;
        FLOAT_BINARY[BinaryOp.MINIMUM.ordinal()] = VectorElementwiseKernels::minimumFloats;
        DOUBLE_BINARY[BinaryOp.MINIMUM.ordinal()] = VectorElementwiseKernels::minimumDoubles;
        FLOAT_BINARY[BinaryOp.GT.ordinal()] = VectorElementwiseKernels::gtFloats;
        DOUBLE_BINARY[BinaryOp.GT.ordinal()] = VectorElementwiseKernels::gtDoubles;
        FLOAT_BINARY[BinaryOp.GE.ordinal()] = VectorElementwiseKernels::geFloats;
        DOUBLE_BINARY[BinaryOp.GE.ordinal()] = VectorElementwiseKernels::geDoubles;
        FLOAT_BINARY[BinaryOp.LT.ordinal()] = VectorElementwiseKernels::ltFloats;
        DOUBLE_BINARY[BinaryOp.LT.ordinal()] = VectorElementwiseKernels::ltDoubles;
        FLOAT_BINARY[BinaryOp.LE.ordinal()] = VectorElementwiseKernels::leFloats;
        DOUBLE_BINARY[BinaryOp.LE.ordinal()] = VectorElementwiseKernels::leDoubles;
        FLOAT_BINARY[BinaryOp.EQ.ordinal()] = VectorElementwiseKernels::eqFloats;
        DOUBLE_BINARY[BinaryOp.EQ.ordinal()] = VectorElementwiseKernels::eqDoubles;
        FLOAT_BINARY[BinaryOp.NE.ordinal()] = VectorElementwiseKernels::neFloats;
        DOUBLE_BINARY[BinaryOp.NE.ordinal()] = VectorElementwiseKernels::neDoubles;
        FLOAT_BINARY[BinaryOp.MUL_NO_NAN.ordinal()] = VectorElementwiseKernels::mulNoNanFloats;
        DOUBLE_BINARY[BinaryOp.MUL_NO_NAN.ordinal()] = VectorElementwiseKernels::mulNoNanDoubles;
    }

    private final ScalarElementwiseKernels scalar = new ScalarElementwiseKernels();

    /** Species of the float32 loops, for code that must split a region into vectors as they do. */
    public static VectorSpecies<Float> floatSpecies() {
        return FLOATS;
    }

    /** Species of the float64 loops, for code that must split a region into vectors as they do. */
    public static VectorSpecies<Double> doubleSpecies() {
        return DOUBLES;
    }

    @Override
    public String name() {
        return "vector-" + FLOATS.vectorBitSize() + "bit (" + VectorWidth.source() + ")";
    }

    @Override
    public void unary(UnaryOp op, float[] in, int inOffset, float[] out, int outOffset, int n) {
        FloatUnaryLoop loop = FLOAT_UNARY[op.ordinal()];
        int body = loop == null ? 0 : loop.run(in, inOffset, out, outOffset, n);
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void unary(UnaryOp op, double[] in, int inOffset, double[] out, int outOffset, int n) {
        DoubleUnaryLoop loop = DOUBLE_UNARY[op.ordinal()];
        int body = loop == null ? 0 : loop.run(in, inOffset, out, outOffset, n);
        scalar.unary(op, in, inOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, float[] left, int leftOffset, float[] right, int rightOffset,
                       float[] out, int outOffset, int n) {
        FloatBinaryLoop loop = FLOAT_BINARY[op.ordinal()];
        int body = loop == null ? 0 : loop.run(left, leftOffset, right, rightOffset, out, outOffset, n);
        scalar.binary(op, left, leftOffset + body, right, rightOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binary(BinaryOp op, double[] left, int leftOffset, double[] right, int rightOffset,
                       double[] out, int outOffset, int n) {
        DoubleBinaryLoop loop = DOUBLE_BINARY[op.ordinal()];
        int body = loop == null ? 0 : loop.run(left, leftOffset, right, rightOffset, out, outOffset, n);
        scalar.binary(op, left, leftOffset + body, right, rightOffset + body, out, outOffset + body, n - body);
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatScalarLoop loop = FLOAT_SCALAR[op.ordinal()];
        int body = loop == null ? 0 : loop.run(left, leftOffset, right, out, outOffset, n);
        scalar.binaryScalar(op, left, leftOffset + body, right, out, outOffset + body, n - body);
    }

    @Override
    public void binaryScalar(BinaryOp op, double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleScalarLoop loop = DOUBLE_SCALAR[op.ordinal()];
        int body = loop == null ? 0 : loop.run(left, leftOffset, right, out, outOffset, n);
        scalar.binaryScalar(op, left, leftOffset + body, right, out, outOffset + body, n - body);
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

    private static int addScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.add(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int subScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.sub(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.mul(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int divScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.div(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int maximumScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.max(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int minimumScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.min(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int gtScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int geScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int ltScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int leScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int eqScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int neScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            FLOAT_ZERO.blend(FLOAT_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulNoNanScalarFloats(float[] left, int leftOffset, float right, float[] out, int outOffset, int n) {
        FloatVector b = FloatVector.broadcast(FLOATS, right);
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector a = FloatVector.fromArray(FLOATS, left, leftOffset + i);
            a.mul(b).blend(FLOAT_ZERO, b.compare(VectorOperators.EQ, FLOAT_ZERO)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int addScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.add(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int subScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.sub(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.mul(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int divScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.div(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int maximumScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.max(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int minimumScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.min(b).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int gtScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int geScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.GE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int ltScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LT, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int leScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.LE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int eqScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.EQ, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int neScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            DOUBLE_ZERO.blend(DOUBLE_ONE, a.compare(VectorOperators.NE, b)).intoArray(out, outOffset + i);
        }
        return body;
    }

    private static int mulNoNanScalarDoubles(double[] left, int leftOffset, double right, double[] out, int outOffset, int n) {
        DoubleVector b = DoubleVector.broadcast(DOUBLES, right);
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector a = DoubleVector.fromArray(DOUBLES, left, leftOffset + i);
            a.mul(b).blend(DOUBLE_ZERO, b.compare(VectorOperators.EQ, DOUBLE_ZERO)).intoArray(out, outOffset + i);
        }
        return body;
    }
}
