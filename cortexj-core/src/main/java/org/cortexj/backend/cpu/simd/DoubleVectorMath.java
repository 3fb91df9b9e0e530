package org.cortexj.backend.cpu.simd;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.cpu.PolynomialMath;
import org.cortexj.backend.cpu.TranscendentalConstants.Float64;

/**
 * Vector loops for exp, expm1, log, log1p, tanh and sigmoid of double arrays that give, for each
 * element, the same bits as {@link PolynomialMath}. Each loop performs the operations of the
 * scalar method in the same order, using only exactly rounded lane-wise operations (add,
 * multiply, divide, fma, compare, blend, reinterpretation and integer shifts), so interpreted and
 * compiled code agree too. The Vector API's own transcendental operators do not: on JDK 17 they
 * run {@link Math} until the JIT compiles them and native routines afterwards, which differ in the
 * last bit. See {@link PolynomialMath} for the algorithms and their accuracy; a change there must
 * be made here and in {@link FloatVectorMath} too.
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
public final class DoubleVectorMath {

    private static final VectorSpecies<Double> DOUBLES = VectorWidth.doubleSpecies();

    private DoubleVectorMath() {
    }

    /** Writes {@link PolynomialMath#exp(double)} of each element; see the class comment for the return value. */
    public static int exp(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DoubleVector clamped = x.blend(x.broadcast(Float64.EXP_MAX_ARGUMENT), x.compare(GT, Float64.EXP_MAX_ARGUMENT));
            clamped = clamped.blend(x.broadcast(Float64.EXP_MIN_ARGUMENT), clamped.compare(LT, Float64.EXP_MIN_ARGUMENT));

            DoubleVector shifted = clamped.fma(Float64.LOG2E, Float64.SHIFTER);
            DoubleVector k = shifted.sub(Float64.SHIFTER);
            DoubleVector rHigh = k.fma(x.broadcast(-Float64.LN2_HI), clamped);
            DoubleVector rLow = k.mul(-Float64.LN2_LO);
            DoubleVector r = rHigh.add(rLow);
            DoubleVector p = r.broadcast(Float64.EXP_C13);
            p = p.fma(r, r.broadcast(Float64.EXP_C12));
            p = p.fma(r, r.broadcast(Float64.EXP_C11));
            p = p.fma(r, r.broadcast(Float64.EXP_C10));
            p = p.fma(r, r.broadcast(Float64.EXP_C9));
            p = p.fma(r, r.broadcast(Float64.EXP_C8));
            p = p.fma(r, r.broadcast(Float64.EXP_C7));
            p = p.fma(r, r.broadcast(Float64.EXP_C6));
            p = p.fma(r, r.broadcast(Float64.EXP_C5));
            p = p.fma(r, r.broadcast(Float64.EXP_C4));
            p = p.fma(r, r.broadcast(Float64.EXP_C3));
            p = p.fma(r, r.broadcast(Float64.EXP_C2));

            DoubleVector expm1OfR = rHigh.add(r.mul(r).fma(p, rLow));
            DoubleVector expOfR = expm1OfR.add(1.0);

            LongVector kInteger = shifted.reinterpretAsLongs().sub(Float64.SHIFTER_BITS);
            LongVector k1 = kInteger.add(2048).lanewise(LSHR, 1).sub(1024);
            LongVector k2 = kInteger.sub(k1);
            DoubleVector scale1 = k1.add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS).reinterpretAsDoubles();
            DoubleVector scale2 = k2.add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS).reinterpretAsDoubles();

            expOfR.mul(scale1).mul(scale2).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#expm1(double)} of each element; see the class comment for the return value. */
    public static int expm1(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DoubleVector clamped = x.blend(x.broadcast(Float64.EXP_MAX_ARGUMENT), x.compare(GT, Float64.EXP_MAX_ARGUMENT));
            clamped = clamped.blend(x.broadcast(Float64.EXPM1_MIN_ARGUMENT),
                    clamped.compare(LT, Float64.EXPM1_MIN_ARGUMENT));

            DoubleVector shifted = clamped.fma(Float64.LOG2E, Float64.SHIFTER);
            DoubleVector k = shifted.sub(Float64.SHIFTER);
            DoubleVector rHigh = k.fma(x.broadcast(-Float64.LN2_HI), clamped);
            DoubleVector rLow = k.mul(-Float64.LN2_LO);
            DoubleVector r = rHigh.add(rLow);
            DoubleVector p = r.broadcast(Float64.EXP_C13);
            p = p.fma(r, r.broadcast(Float64.EXP_C12));
            p = p.fma(r, r.broadcast(Float64.EXP_C11));
            p = p.fma(r, r.broadcast(Float64.EXP_C10));
            p = p.fma(r, r.broadcast(Float64.EXP_C9));
            p = p.fma(r, r.broadcast(Float64.EXP_C8));
            p = p.fma(r, r.broadcast(Float64.EXP_C7));
            p = p.fma(r, r.broadcast(Float64.EXP_C6));
            p = p.fma(r, r.broadcast(Float64.EXP_C5));
            p = p.fma(r, r.broadcast(Float64.EXP_C4));
            p = p.fma(r, r.broadcast(Float64.EXP_C3));
            p = p.fma(r, r.broadcast(Float64.EXP_C2));
            DoubleVector q = r.mul(r).fma(p, rLow);

            VectorMask<Double> top = k.compare(GT, Float64.MAX_EXPONENT);
            DoubleVector scaleExponent = k.blend(x.broadcast(Float64.MAX_EXPONENT), top);
            DoubleVector subtrahend = x.broadcast(1.0).blend(x.broadcast(0.5), top);
            DoubleVector factor = x.broadcast(1.0).blend(x.broadcast(2.0), top);
            LongVector scaleInteger = scaleExponent.add(Float64.SHIFTER).reinterpretAsLongs().sub(Float64.SHIFTER_BITS);
            DoubleVector scale = scaleInteger.add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS)
                    .reinterpretAsDoubles();

            DoubleVector leading = scale.fma(rHigh, scale.sub(subtrahend));
            DoubleVector result = scale.fma(q, leading).mul(factor);

            result.blend(x, x.compare(EQ, 0.0)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#log(double)} of each element; see the class comment for the return value. */
    public static int log(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            VectorMask<Double> subnormal = x.compare(LT, Float64.MIN_NORMAL);
            DoubleVector v = x.blend(x.mul(Float64.SUBNORMAL_SCALE), subnormal);
            DoubleVector exponentOffset = x.broadcast(0.0).blend(x.broadcast(Float64.SUBNORMAL_EXPONENT), subnormal);
            DoubleVector correction = x.broadcast(0.0);

            // As PolynomialMath.logOfNormal(v, exponentOffset, correction)
            LongVector bits = v.reinterpretAsLongs();
            LongVector biasedExponent = bits.add(Float64.LOG_MANTISSA_OFFSET).lanewise(LSHR, Float64.MANTISSA_BITS);
            DoubleVector m = bits.sub(biasedExponent.sub(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS))
                    .reinterpretAsDoubles();
            DoubleVector e = biasedExponent.add(Float64.SHIFTER_BITS).reinterpretAsDoubles()
                    .sub(Float64.SHIFTER + Float64.EXPONENT_BIAS).add(exponentOffset);
            DoubleVector f = m.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector halfSquare = f.mul(0.5).mul(f);
            DoubleVector p = z.broadcast(Float64.LOG_C10);
            p = p.fma(z, z.broadcast(Float64.LOG_C9));
            p = p.fma(z, z.broadcast(Float64.LOG_C8));
            p = p.fma(z, z.broadcast(Float64.LOG_C7));
            p = p.fma(z, z.broadcast(Float64.LOG_C6));
            p = p.fma(z, z.broadcast(Float64.LOG_C5));
            p = p.fma(z, z.broadcast(Float64.LOG_C4));
            p = p.fma(z, z.broadcast(Float64.LOG_C3));
            p = p.fma(z, z.broadcast(Float64.LOG_C2));
            p = p.fma(z, z.broadcast(Float64.LOG_C1));
            DoubleVector series = z.mul(p);
            DoubleVector low = e.fma(x.broadcast(Float64.LN2_LO), correction);
            DoubleVector tail = s.fma(halfSquare.add(series), low);
            DoubleVector logOfM = f.sub(halfSquare.sub(tail));
            DoubleVector result = e.fma(x.broadcast(Float64.LN2_HI), logOfM);

            // As PolynomialMath.logSpecialCases(x, 0, result)
            DoubleVector value = x.blend(result, x.compare(LT, Double.POSITIVE_INFINITY));
            value = value.blend(x.broadcast(Double.NEGATIVE_INFINITY), x.compare(EQ, 0.0));

            value.blend(x.broadcast(Double.NaN), x.compare(LT, 0.0)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#log1p(double)} of each element; see the class comment for the return value. */
    public static int log1p(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DoubleVector ones = x.broadcast(1.0);
            DoubleVector u = x.add(1.0);
            DoubleVector xPart = u.sub(ones);
            DoubleVector error = ones.sub(u.sub(xPart)).add(x.sub(xPart));
            DoubleVector correction = error.div(u);

            // As PolynomialMath.logOfNormal(u, 0, correction)
            LongVector bits = u.reinterpretAsLongs();
            LongVector biasedExponent = bits.add(Float64.LOG_MANTISSA_OFFSET).lanewise(LSHR, Float64.MANTISSA_BITS);
            DoubleVector m = bits.sub(biasedExponent.sub(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS))
                    .reinterpretAsDoubles();
            DoubleVector e = biasedExponent.add(Float64.SHIFTER_BITS).reinterpretAsDoubles()
                    .sub(Float64.SHIFTER + Float64.EXPONENT_BIAS).add(0.0);
            DoubleVector f = m.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector halfSquare = f.mul(0.5).mul(f);
            DoubleVector p = z.broadcast(Float64.LOG_C10);
            p = p.fma(z, z.broadcast(Float64.LOG_C9));
            p = p.fma(z, z.broadcast(Float64.LOG_C8));
            p = p.fma(z, z.broadcast(Float64.LOG_C7));
            p = p.fma(z, z.broadcast(Float64.LOG_C6));
            p = p.fma(z, z.broadcast(Float64.LOG_C5));
            p = p.fma(z, z.broadcast(Float64.LOG_C4));
            p = p.fma(z, z.broadcast(Float64.LOG_C3));
            p = p.fma(z, z.broadcast(Float64.LOG_C2));
            p = p.fma(z, z.broadcast(Float64.LOG_C1));
            DoubleVector series = z.mul(p);
            DoubleVector low = e.fma(x.broadcast(Float64.LN2_LO), correction);
            DoubleVector tail = s.fma(halfSquare.add(series), low);
            DoubleVector logOfM = f.sub(halfSquare.sub(tail));
            DoubleVector result = e.fma(x.broadcast(Float64.LN2_HI), logOfM);

            // As PolynomialMath.logSpecialCases(x, -1, result), then the sign of zero
            DoubleVector value = x.blend(result, x.compare(LT, Double.POSITIVE_INFINITY));
            value = value.blend(x.broadcast(Double.NEGATIVE_INFINITY), x.compare(EQ, -1.0));
            value = value.blend(x.broadcast(Double.NaN), x.compare(LT, -1.0));

            value.blend(x, x.compare(EQ, 0.0)).intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#tanh(double)} of each element; see the class comment for the return value. */
    public static int tanh(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DoubleVector magnitude = x.abs();
            magnitude = magnitude.blend(x.broadcast(Float64.TANH_SATURATION),
                    magnitude.compare(GT, Float64.TANH_SATURATION));
            DoubleVector twice = magnitude.add(magnitude);

            DoubleVector shifted = twice.fma(Float64.LOG2E, Float64.SHIFTER);
            DoubleVector k = shifted.sub(Float64.SHIFTER);
            DoubleVector rHigh = k.fma(x.broadcast(-Float64.LN2_HI), twice);
            DoubleVector rLow = k.mul(-Float64.LN2_LO);
            DoubleVector r = rHigh.add(rLow);
            DoubleVector p = r.broadcast(Float64.EXP_C13);
            p = p.fma(r, r.broadcast(Float64.EXP_C12));
            p = p.fma(r, r.broadcast(Float64.EXP_C11));
            p = p.fma(r, r.broadcast(Float64.EXP_C10));
            p = p.fma(r, r.broadcast(Float64.EXP_C9));
            p = p.fma(r, r.broadcast(Float64.EXP_C8));
            p = p.fma(r, r.broadcast(Float64.EXP_C7));
            p = p.fma(r, r.broadcast(Float64.EXP_C6));
            p = p.fma(r, r.broadcast(Float64.EXP_C5));
            p = p.fma(r, r.broadcast(Float64.EXP_C4));
            p = p.fma(r, r.broadcast(Float64.EXP_C3));
            p = p.fma(r, r.broadcast(Float64.EXP_C2));
            DoubleVector q = r.mul(r).fma(p, rLow);
            DoubleVector scale = shifted.reinterpretAsLongs().sub(Float64.SHIFTER_BITS)
                    .add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS).reinterpretAsDoubles();
            DoubleVector leading = scale.fma(rHigh, scale.sub(1.0));
            DoubleVector scaledQ = scale.mul(q);
            DoubleVector expm1High = leading.add(scaledQ);
            DoubleVector expm1Low = leading.sub(expm1High).add(scaledQ);

            // As PolynomialMath.twoSumError(expm1High, 2, denominatorHigh)
            DoubleVector two = x.broadcast(2.0);
            DoubleVector denominatorHigh = expm1High.add(2.0);
            DoubleVector twoPart = denominatorHigh.sub(expm1High);
            DoubleVector denominatorLow = expm1High.sub(denominatorHigh.sub(twoPart)).add(two.sub(twoPart))
                    .add(expm1Low);

            // As PolynomialMath.quotient(expm1High, expm1Low, denominatorHigh, denominatorLow)
            DoubleVector reciprocal = x.broadcast(1.0).div(denominatorHigh);
            DoubleVector q0 = expm1High.mul(reciprocal);
            DoubleVector remainder = q0.neg().fma(denominatorHigh, expm1High);
            DoubleVector correction = q0.neg().fma(denominatorLow, remainder.add(expm1Low));
            DoubleVector t = correction.fma(reciprocal, q0).abs();

            LongVector sign = x.reinterpretAsLongs().and(Float64.SIGN_MASK);

            t.reinterpretAsLongs().or(sign).reinterpretAsDoubles().intoArray(out, outOffset + i);
        }
        return body;
    }

    /** Writes {@link PolynomialMath#sigmoid(double)} of each element; see the class comment for the return value. */
    public static int sigmoid(double[] in, int inOffset, double[] out, int outOffset, int n) {
        int body = DOUBLES.loopBound(n);
        for (int i = 0; i < body; i += DOUBLES.length()) {
            DoubleVector x = DoubleVector.fromArray(DOUBLES, in, inOffset + i);
            DoubleVector negative = x.abs().neg();
            negative = negative.blend(x.broadcast(Float64.EXP_MIN_ARGUMENT), negative.compare(LT, Float64.EXP_MIN_ARGUMENT));

            DoubleVector shifted = negative.fma(Float64.LOG2E, Float64.SHIFTER);
            DoubleVector k = shifted.sub(Float64.SHIFTER);
            DoubleVector rHigh = k.fma(x.broadcast(-Float64.LN2_HI), negative);
            DoubleVector rLow = k.mul(-Float64.LN2_LO);
            DoubleVector r = rHigh.add(rLow);
            DoubleVector p = r.broadcast(Float64.EXP_C13);
            p = p.fma(r, r.broadcast(Float64.EXP_C12));
            p = p.fma(r, r.broadcast(Float64.EXP_C11));
            p = p.fma(r, r.broadcast(Float64.EXP_C10));
            p = p.fma(r, r.broadcast(Float64.EXP_C9));
            p = p.fma(r, r.broadcast(Float64.EXP_C8));
            p = p.fma(r, r.broadcast(Float64.EXP_C7));
            p = p.fma(r, r.broadcast(Float64.EXP_C6));
            p = p.fma(r, r.broadcast(Float64.EXP_C5));
            p = p.fma(r, r.broadcast(Float64.EXP_C4));
            p = p.fma(r, r.broadcast(Float64.EXP_C3));
            p = p.fma(r, r.broadcast(Float64.EXP_C2));
            DoubleVector q = r.mul(r).fma(p, rLow);
            DoubleVector ones = x.broadcast(1.0);
            DoubleVector expm1OfR = rHigh.add(q);
            DoubleVector expm1OfRLow = rHigh.sub(expm1OfR).add(q);
            DoubleVector expOfR = expm1OfR.add(1.0);
            DoubleVector expOfRLow = ones.sub(expOfR).add(expm1OfR).add(expm1OfRLow);

            LongVector kInteger = shifted.reinterpretAsLongs().sub(Float64.SHIFTER_BITS);
            LongVector k1 = kInteger.add(2048).lanewise(LSHR, 1).sub(1024);
            DoubleVector scale1 = k1.add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS).reinterpretAsDoubles();
            DoubleVector scale2 = kInteger.sub(k1).add(Float64.EXPONENT_BIAS).lanewise(LSHL, Float64.MANTISSA_BITS)
                    .reinterpretAsDoubles();
            DoubleVector expHigh = expOfR.mul(scale1).mul(scale2);
            DoubleVector expLow = expOfRLow.mul(scale1).mul(scale2);

            DoubleVector denominatorHigh = expHigh.add(1.0);
            DoubleVector denominatorLow = ones.sub(denominatorHigh).add(expHigh).add(expLow);
            VectorMask<Double> nonNegative = x.compare(GE, 0.0);
            DoubleVector numeratorHigh = expHigh.blend(ones, nonNegative);
            DoubleVector numeratorLow = expLow.blend(x.broadcast(0.0), nonNegative);

            // As PolynomialMath.quotient(numeratorHigh, numeratorLow, denominatorHigh, denominatorLow)
            DoubleVector reciprocal = ones.div(denominatorHigh);
            DoubleVector q0 = numeratorHigh.mul(reciprocal);
            DoubleVector remainder = q0.neg().fma(denominatorHigh, numeratorHigh);
            DoubleVector correction = q0.neg().fma(denominatorLow, remainder.add(numeratorLow));

            correction.fma(reciprocal, q0).intoArray(out, outOffset + i);
        }
        return body;
    }
}
