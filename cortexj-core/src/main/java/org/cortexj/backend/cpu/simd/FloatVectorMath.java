package org.cortexj.backend.cpu.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.cpu.PolynomialMath;
import org.cortexj.backend.cpu.TranscendentalConstants.Float32;

/**
 * Vector loops for exp, expm1, log, log1p, tanh and sigmoid of float arrays that give, for each
 * element, the same bits as {@link PolynomialMath}. Each loop performs the operations of the
 * scalar method in the same order, using only exactly rounded lane-wise operations (add,
 * multiply, divide, fma, compare, blend, reinterpretation and integer shifts), so interpreted and
 * compiled code agree too. The Vector API's own transcendental operators do not: on JDK 17 they
 * run {@link Math} until the JIT compiles them and native routines afterwards, which differ in the
 * last bit. See {@link PolynomialMath} for the algorithms and their accuracy; a change there must
 * be made here and in {@link DoubleVectorMath} too.
 *
 * <p>Each method computes the whole vectors of {@code n} elements from {@code in[inOffset]} into
 * {@code out[outOffset]} and returns how many leading elements it computed; the caller finishes
 * the tail with {@link PolynomialMath}. The source region may be the destination region but must
 * not otherwise overlap it. The vector width is the one of {@link VectorElementwiseKernels}.
 *
 * <p>The arithmetic is written out inside each loop instead of in per-vector helper methods. C2
 * on JDK 17 inlines an ordinary method only up to 325 bytes of bytecode (FreqInlineSize) and
 * only while the compilation contains fewer than about 18,000 nodes (NodeCountInliningCutoff); both
 * limits cut off such helpers here, and a helper that is not inlined takes and returns its
 * vectors as heap objects, which made the loops 10 to 50 times slower.
 */
public final class FloatVectorMath {

    private static final VectorSpecies<Float> FLOATS = VectorWidth.floatSpecies();

    private FloatVectorMath() {
    }

    /** Writes {@link PolynomialMath#exp(float)} of each element; see the class comment for the return value. */
    public static int exp(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FloatVector clamped = x.blend(x.broadcast(Float32.EXP_MAX_ARGUMENT), x.compare(GT, Float32.EXP_MAX_ARGUMENT));
            clamped = clamped.blend(x.broadcast(Float32.EXP_MIN_ARGUMENT), clamped.compare(LT, Float32.EXP_MIN_ARGUMENT));

            FloatVector shifted = clamped.fma(Float32.LOG2E, Float32.SHIFTER);
            FloatVector k = shifted.sub(Float32.SHIFTER);
            FloatVector r = k.fma(x.broadcast(-Float32.LN2_HI), clamped);
            r = k.fma(x.broadcast(-Float32.LN2_LO), r);

            FloatVector p = r.broadcast(Float32.EXP_P6).fma(r, r.broadcast(Float32.EXP_P5));
            p = p.fma(r, r.broadcast(Float32.EXP_P4));
            p = p.fma(r, r.broadcast(Float32.EXP_P3));
            p = p.fma(r, r.broadcast(Float32.EXP_P2));
            FloatVector expOfR = r.mul(r).fma(p, r).add(1f);

            IntVector shiftedBits = shifted.reinterpretAsInts();
            IntVector half = shiftedBits.lanewise(ASHR, 1);
            FloatVector scale1 = half.add(Float32.HALF_SHIFTER_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS)
                    .reinterpretAsFloats();
            FloatVector scale2 = shiftedBits.sub(half).add(Float32.HALF_SHIFTER_BIAS)
                    .lanewise(LSHL, Float32.MANTISSA_BITS).reinterpretAsFloats();

            expOfR.mul(scale1).mul(scale2).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#expm1(float)} of each element; see the class comment for the return value. */
    public static int expm1(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FloatVector clamped = x.blend(x.broadcast(Float32.EXP_MAX_ARGUMENT), x.compare(GT, Float32.EXP_MAX_ARGUMENT));
            clamped = clamped.blend(x.broadcast(Float32.EXPM1_MIN_ARGUMENT),
                    clamped.compare(LT, Float32.EXPM1_MIN_ARGUMENT));

            FloatVector shifted = clamped.fma(Float32.LOG2E, Float32.SHIFTER);
            FloatVector k = shifted.sub(Float32.SHIFTER);
            FloatVector rHigh = k.fma(x.broadcast(-Float32.LN2_HI), clamped);
            FloatVector rLow = k.mul(-Float32.LN2_LO);
            FloatVector r = rHigh.add(rLow);
            FloatVector p = r.broadcast(Float32.EXP_C7);
            p = p.fma(r, r.broadcast(Float32.EXP_C6));
            p = p.fma(r, r.broadcast(Float32.EXP_C5));
            p = p.fma(r, r.broadcast(Float32.EXP_C4));
            p = p.fma(r, r.broadcast(Float32.EXP_C3));
            p = p.fma(r, r.broadcast(Float32.EXP_C2));
            FloatVector q = r.mul(r).fma(p, rLow);

            VectorMask<Float> top = k.compare(GT, Float32.MAX_EXPONENT);
            FloatVector scaleExponent = k.blend(x.broadcast(Float32.MAX_EXPONENT), top);
            FloatVector subtrahend = x.broadcast(1f).blend(x.broadcast(0.5f), top);
            FloatVector factor = x.broadcast(1f).blend(x.broadcast(2f), top);
            IntVector scaleInteger = scaleExponent.add(Float32.SHIFTER).reinterpretAsInts().sub(Float32.SHIFTER_BITS);
            FloatVector scale = scaleInteger.add(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS)
                    .reinterpretAsFloats();

            FloatVector leading = scale.fma(rHigh, scale.sub(subtrahend));
            FloatVector result = scale.fma(q, leading).mul(factor);

            result.blend(x, x.compare(EQ, 0f)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#log(float)} of each element; see the class comment for the return value. */
    public static int log(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            VectorMask<Float> subnormal = x.compare(LT, Float32.MIN_NORMAL);
            FloatVector v = x.blend(x.mul(Float32.SUBNORMAL_SCALE), subnormal);
            FloatVector exponentOffset = x.broadcast(0f).blend(x.broadcast(Float32.SUBNORMAL_EXPONENT), subnormal);
            FloatVector correction = x.broadcast(0f);

            // As PolynomialMath.logOfNormal(v, exponentOffset, correction)
            IntVector bits = v.reinterpretAsInts();
            IntVector biasedExponent = bits.add(Float32.LOG_MANTISSA_OFFSET).lanewise(LSHR, Float32.MANTISSA_BITS);
            FloatVector m = bits.sub(biasedExponent.sub(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS))
                    .reinterpretAsFloats();
            FloatVector e = biasedExponent.add(Float32.SHIFTER_BITS).reinterpretAsFloats()
                    .sub(Float32.SHIFTER + Float32.EXPONENT_BIAS).add(exponentOffset);
            FloatVector f = m.sub(1f);
            FloatVector s = f.div(f.add(2f));
            FloatVector z = s.mul(s);
            FloatVector halfSquare = f.mul(0.5f).mul(f);
            FloatVector p = z.broadcast(Float32.LOG_C4);
            p = p.fma(z, z.broadcast(Float32.LOG_C3));
            p = p.fma(z, z.broadcast(Float32.LOG_C2));
            p = p.fma(z, z.broadcast(Float32.LOG_C1));
            FloatVector series = z.mul(p);
            FloatVector low = e.fma(x.broadcast(Float32.LN2_LO), correction);
            FloatVector tail = s.fma(halfSquare.add(series), low);
            FloatVector logOfM = f.sub(halfSquare.sub(tail));
            FloatVector result = e.fma(x.broadcast(Float32.LN2_HI), logOfM);

            // As PolynomialMath.logSpecialCases(x, 0, result)
            FloatVector value = x.blend(result, x.compare(LT, Float.POSITIVE_INFINITY));
            value = value.blend(x.broadcast(Float.NEGATIVE_INFINITY), x.compare(EQ, 0f));

            value.blend(x.broadcast(Float.NaN), x.compare(LT, 0f)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#log1p(float)} of each element; see the class comment for the return value. */
    public static int log1p(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FloatVector ones = x.broadcast(1f);
            FloatVector u = x.add(1f);
            FloatVector xPart = u.sub(ones);
            FloatVector error = ones.sub(u.sub(xPart)).add(x.sub(xPart));
            FloatVector correction = error.div(u);

            // As PolynomialMath.logOfNormal(u, 0, correction)
            IntVector bits = u.reinterpretAsInts();
            IntVector biasedExponent = bits.add(Float32.LOG_MANTISSA_OFFSET).lanewise(LSHR, Float32.MANTISSA_BITS);
            FloatVector m = bits.sub(biasedExponent.sub(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS))
                    .reinterpretAsFloats();
            FloatVector e = biasedExponent.add(Float32.SHIFTER_BITS).reinterpretAsFloats()
                    .sub(Float32.SHIFTER + Float32.EXPONENT_BIAS).add(0f);
            FloatVector f = m.sub(1f);
            FloatVector s = f.div(f.add(2f));
            FloatVector z = s.mul(s);
            FloatVector halfSquare = f.mul(0.5f).mul(f);
            FloatVector p = z.broadcast(Float32.LOG_C4);
            p = p.fma(z, z.broadcast(Float32.LOG_C3));
            p = p.fma(z, z.broadcast(Float32.LOG_C2));
            p = p.fma(z, z.broadcast(Float32.LOG_C1));
            FloatVector series = z.mul(p);
            FloatVector low = e.fma(x.broadcast(Float32.LN2_LO), correction);
            FloatVector tail = s.fma(halfSquare.add(series), low);
            FloatVector logOfM = f.sub(halfSquare.sub(tail));
            FloatVector result = e.fma(x.broadcast(Float32.LN2_HI), logOfM);

            // As PolynomialMath.logSpecialCases(x, -1, result), then the sign of zero
            FloatVector value = x.blend(result, x.compare(LT, Float.POSITIVE_INFINITY));
            value = value.blend(x.broadcast(Float.NEGATIVE_INFINITY), x.compare(EQ, -1f));
            value = value.blend(x.broadcast(Float.NaN), x.compare(LT, -1f));

            value.blend(x, x.compare(EQ, 0f)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#tanh(float)} of each element; see the class comment for the return value. */
    public static int tanh(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FloatVector magnitude = x.abs();
            magnitude = magnitude.blend(x.broadcast(Float32.TANH_SATURATION),
                    magnitude.compare(GT, Float32.TANH_SATURATION));
            FloatVector twice = magnitude.add(magnitude);

            FloatVector shifted = twice.fma(Float32.LOG2E, Float32.SHIFTER);
            FloatVector k = shifted.sub(Float32.SHIFTER);
            FloatVector rHigh = k.fma(x.broadcast(-Float32.LN2_HI), twice);
            FloatVector rLow = k.mul(-Float32.LN2_LO);
            FloatVector r = rHigh.add(rLow);
            FloatVector p = r.broadcast(Float32.EXP_C7);
            p = p.fma(r, r.broadcast(Float32.EXP_C6));
            p = p.fma(r, r.broadcast(Float32.EXP_C5));
            p = p.fma(r, r.broadcast(Float32.EXP_C4));
            p = p.fma(r, r.broadcast(Float32.EXP_C3));
            p = p.fma(r, r.broadcast(Float32.EXP_C2));
            FloatVector q = r.mul(r).fma(p, rLow);
            FloatVector scale = shifted.reinterpretAsInts().sub(Float32.SHIFTER_BITS)
                    .add(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS).reinterpretAsFloats();
            FloatVector leading = scale.fma(rHigh, scale.sub(1f));
            FloatVector scaledQ = scale.mul(q);
            FloatVector expm1High = leading.add(scaledQ);
            FloatVector expm1Low = leading.sub(expm1High).add(scaledQ);

            // As PolynomialMath.twoSumError(expm1High, 2, denominatorHigh)
            FloatVector two = x.broadcast(2f);
            FloatVector denominatorHigh = expm1High.add(2f);
            FloatVector twoPart = denominatorHigh.sub(expm1High);
            FloatVector denominatorLow = expm1High.sub(denominatorHigh.sub(twoPart)).add(two.sub(twoPart))
                    .add(expm1Low);

            // As PolynomialMath.quotient(expm1High, expm1Low, denominatorHigh, denominatorLow)
            FloatVector reciprocal = x.broadcast(1f).div(denominatorHigh);
            FloatVector q0 = expm1High.mul(reciprocal);
            FloatVector remainder = q0.neg().fma(denominatorHigh, expm1High);
            FloatVector correction = q0.neg().fma(denominatorLow, remainder.add(expm1Low));
            FloatVector t = correction.fma(reciprocal, q0).abs();

            IntVector sign = x.reinterpretAsInts().and(Float32.SIGN_MASK);

            t.reinterpretAsInts().or(sign).reinterpretAsFloats().intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#sigmoid(float)} of each element; see the class comment for the return value. */
    public static int sigmoid(float[] in, int inOffset, float[] out, int outOffset, int n) {
        int body = FLOATS.loopBound(n);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
            FloatVector negative = x.abs().neg();
            negative = negative.blend(x.broadcast(Float32.EXP_MIN_ARGUMENT), negative.compare(LT, Float32.EXP_MIN_ARGUMENT));

            FloatVector shifted = negative.fma(Float32.LOG2E, Float32.SHIFTER);
            FloatVector k = shifted.sub(Float32.SHIFTER);
            FloatVector rHigh = k.fma(x.broadcast(-Float32.LN2_HI), negative);
            FloatVector rLow = k.mul(-Float32.LN2_LO);
            FloatVector r = rHigh.add(rLow);
            FloatVector p = r.broadcast(Float32.EXP_C7);
            p = p.fma(r, r.broadcast(Float32.EXP_C6));
            p = p.fma(r, r.broadcast(Float32.EXP_C5));
            p = p.fma(r, r.broadcast(Float32.EXP_C4));
            p = p.fma(r, r.broadcast(Float32.EXP_C3));
            p = p.fma(r, r.broadcast(Float32.EXP_C2));
            FloatVector q = r.mul(r).fma(p, rLow);
            FloatVector ones = x.broadcast(1f);
            FloatVector expm1OfR = rHigh.add(q);
            FloatVector expm1OfRLow = rHigh.sub(expm1OfR).add(q);
            FloatVector expOfR = expm1OfR.add(1f);
            FloatVector expOfRLow = ones.sub(expOfR).add(expm1OfR).add(expm1OfRLow);

            IntVector kInteger = shifted.reinterpretAsInts().sub(Float32.SHIFTER_BITS);
            IntVector k1 = kInteger.add(256).lanewise(LSHR, 1).sub(128);
            FloatVector scale1 = k1.add(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS).reinterpretAsFloats();
            FloatVector scale2 = kInteger.sub(k1).add(Float32.EXPONENT_BIAS).lanewise(LSHL, Float32.MANTISSA_BITS)
                    .reinterpretAsFloats();
            FloatVector expHigh = expOfR.mul(scale1).mul(scale2);
            FloatVector expLow = expOfRLow.mul(scale1).mul(scale2);

            FloatVector denominatorHigh = expHigh.add(1f);
            FloatVector denominatorLow = ones.sub(denominatorHigh).add(expHigh).add(expLow);
            VectorMask<Float> nonNegative = x.compare(GE, 0f);
            FloatVector numeratorHigh = expHigh.blend(ones, nonNegative);
            FloatVector numeratorLow = expLow.blend(x.broadcast(0f), nonNegative);

            // As PolynomialMath.quotient(numeratorHigh, numeratorLow, denominatorHigh, denominatorLow)
            FloatVector reciprocal = ones.div(denominatorHigh);
            FloatVector q0 = numeratorHigh.mul(reciprocal);
            FloatVector remainder = q0.neg().fma(denominatorHigh, numeratorHigh);
            FloatVector correction = q0.neg().fma(denominatorLow, remainder.add(numeratorLow));

            correction.fma(reciprocal, q0).intoArray(out, outOffset + i);
        }
        return body;
    }
}
