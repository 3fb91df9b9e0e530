package org.cortexj.backend.cpu;

import org.cortexj.backend.cpu.TranscendentalConstants.Float32;
import org.cortexj.backend.cpu.TranscendentalConstants.Float64;

/**
 * exp, expm1, log, log1p, tanh and sigmoid built only from exactly rounded IEEE operations
 * (add, multiply, divide, fma, compare, select and bit reinterpretation), so the result does not
 * depend on whether the JIT has compiled the code. {@code FloatVectorMath} and
 * {@code DoubleVectorMath} in the {@code simd} package perform the same operations in the same
 * order on vector lanes, so all give identical bits. Any change here must be made there too.
 *
 * <p>Float arguments are computed in float arithmetic throughout, double arguments in double.
 * The accuracy tests require 2 units in the last place (ulps) over the whole range, subnormal
 * results included. Measured against exact values, the largest errors were 1.21 ulps for float
 * expm1 near x = −ln2/2, 1.01 ulps for float exp (every float), at most 0.92 ulps for the other
 * float functions (every 11th float bit pattern), and 1.17 ulps for double expm1 and at most 0.85
 * ulps for the others (100,000 samples each).
 *
 * <p>Method: exp and expm1 reduce x = k·ln2 + r with k = round(x·log2 e) and |r| ≤ ln2/2, where
 * r is split into an exact high part and a small low part (Cody and Waite), evaluate a
 * polynomial of e^r − 1 by Horner's rule with fma, and scale by 2^k built in the exponent bits.
 * Float exp, the hot one in activations, keeps r as one value and uses a minimax polynomial of
 * lower degree, while the others use Taylor's coefficients.
 * log and log1p write the argument as 2^e·m with m in [√½, √2), set f = m − 1 and s = f/(2+f),
 * and compute log(1+f) = f − (f²/2 − s·(f²/2 + R(s²))) with R from the series of 2·atanh(s).
 * tanh and sigmoid are quotients of expm1 and exp.
 *
 * <p>Math.fma is fast only where the processor has an fma instruction; elsewhere the JDK computes
 * it exactly in software, which is correct but slow.
 */
public final class PolynomialMath {

    private PolynomialMath() {
    }

    // ---------------------------------------------------------------- exp

    /** e^x; exp(±0) = 1, exp(+∞) = +∞, exp(−∞) = 0, NaN stays NaN, overflow gives +∞. */
    public static double exp(double x) {
        double clamped = x > Float64.EXP_MAX_ARGUMENT ? Float64.EXP_MAX_ARGUMENT : x;
        clamped = clamped < Float64.EXP_MIN_ARGUMENT ? Float64.EXP_MIN_ARGUMENT : clamped;

        // x = k·ln2 + r, with k read back from the low bits of the shifted sum.
        double shifted = Math.fma(clamped, Float64.LOG2E, Float64.SHIFTER);
        double k = shifted - Float64.SHIFTER;
        double rHigh = Math.fma(k, -Float64.LN2_HI, clamped);
        double rLow = k * -Float64.LN2_LO;
        double r = rHigh + rLow;

        double expm1OfR = rHigh + Math.fma(r * r, expPolynomial(r), rLow);
        double expOfR = 1.0 + expm1OfR;

        // Two factors 2^k1·2^k2 = 2^k keep both normal, so a subnormal result is rounded once.
        // k1 = floor(k/2), by a logical shift of the positive k + 2048.
        long kInteger = Double.doubleToRawLongBits(shifted) - Float64.SHIFTER_BITS;
        long k1 = ((kInteger + 2048) >>> 1) - 1024;
        long k2 = kInteger - k1;
        return expOfR * powerOfTwo(k1) * powerOfTwo(k2);
    }

    /**
     * e^x; exp(±0) = 1, exp(+∞) = +∞, exp(−∞) = 0, NaN stays NaN, overflow gives +∞.
     *
     * <p>Leaner than the double version: r is one rounded value, and e^r = 1 + r + r²·P(r) with
     * a minimax P of degree 4. Against Math.exp its error is at most 1.01 ulps over every float
     * ({@code FloatExpScan} in the test sources).
     */
    public static float exp(float x) {
        float clamped = x > Float32.EXP_MAX_ARGUMENT ? Float32.EXP_MAX_ARGUMENT : x;
        clamped = clamped < Float32.EXP_MIN_ARGUMENT ? Float32.EXP_MIN_ARGUMENT : clamped;

        float shifted = Math.fma(clamped, Float32.LOG2E, Float32.SHIFTER);
        float k = shifted - Float32.SHIFTER;
        float r = Math.fma(k, -Float32.LN2_HI, clamped);
        r = Math.fma(k, -Float32.LN2_LO, r);

        float p = Math.fma(Float32.EXP_P6, r, Float32.EXP_P5);
        p = Math.fma(p, r, Float32.EXP_P4);
        p = Math.fma(p, r, Float32.EXP_P3);
        p = Math.fma(p, r, Float32.EXP_P2);
        float expOfR = Math.fma(r * r, p, r) + 1f;

        // 2^k as 2^floor(k/2)·2^ceil(k/2), both normal, so a subnormal result is rounded once.
        int shiftedBits = Float.floatToRawIntBits(shifted);
        int half = shiftedBits >> 1;
        float scale1 = Float.intBitsToFloat((half + Float32.HALF_SHIFTER_BIAS) << Float32.MANTISSA_BITS);
        float scale2 = Float.intBitsToFloat((shiftedBits - half + Float32.HALF_SHIFTER_BIAS) << Float32.MANTISSA_BITS);
        return expOfR * scale1 * scale2;
    }

    // ---------------------------------------------------------------- expm1

    /** e^x − 1, accurate near 0; keeps the sign of zero, expm1(−∞) = −1, expm1(+∞) = +∞. */
    public static double expm1(double x) {
        double clamped = x > Float64.EXP_MAX_ARGUMENT ? Float64.EXP_MAX_ARGUMENT : x;
        clamped = clamped < Float64.EXPM1_MIN_ARGUMENT ? Float64.EXPM1_MIN_ARGUMENT : clamped;
        double result = expm1Bounded(clamped);
        return x == 0 ? x : result;
    }

    /** e^x − 1, accurate near 0; keeps the sign of zero, expm1(−∞) = −1, expm1(+∞) = +∞. */
    public static float expm1(float x) {
        float clamped = x > Float32.EXP_MAX_ARGUMENT ? Float32.EXP_MAX_ARGUMENT : x;
        clamped = clamped < Float32.EXPM1_MIN_ARGUMENT ? Float32.EXPM1_MIN_ARGUMENT : clamped;
        float result = expm1Bounded(clamped);
        return x == 0 ? x : result;
    }

    /**
     * e^x − 1 for x in [EXPM1_MIN_ARGUMENT, EXP_MAX_ARGUMENT] or NaN, as
     * 2^k·(rHigh + q) + (2^k − 1) with q = rLow + r²·P(r). The exact part 2^k·rHigh + (2^k − 1) is
     * summed first, so the rounding of r never reaches the leading term. For k = 1024, which has
     * no double 2^k, it computes half the value with 2^1023 and doubles it.
     */
    private static double expm1Bounded(double x) {
        double shifted = Math.fma(x, Float64.LOG2E, Float64.SHIFTER);
        double k = shifted - Float64.SHIFTER;
        double rHigh = Math.fma(k, -Float64.LN2_HI, x);
        double rLow = k * -Float64.LN2_LO;
        double r = rHigh + rLow;
        double q = Math.fma(r * r, expPolynomial(r), rLow);

        boolean top = k > Float64.MAX_EXPONENT;
        double scaleExponent = top ? Float64.MAX_EXPONENT : k;
        double subtrahend = top ? 0.5 : 1.0;
        double factor = top ? 2.0 : 1.0;
        long scaleInteger = Double.doubleToRawLongBits(scaleExponent + Float64.SHIFTER) - Float64.SHIFTER_BITS;
        double scale = powerOfTwo(scaleInteger);

        double leading = Math.fma(scale, rHigh, scale - subtrahend);
        return Math.fma(scale, q, leading) * factor;
    }

    private static float expm1Bounded(float x) {
        float shifted = Math.fma(x, Float32.LOG2E, Float32.SHIFTER);
        float k = shifted - Float32.SHIFTER;
        float rHigh = Math.fma(k, -Float32.LN2_HI, x);
        float rLow = k * -Float32.LN2_LO;
        float r = rHigh + rLow;
        float q = Math.fma(r * r, expPolynomial(r), rLow);

        boolean top = k > Float32.MAX_EXPONENT;
        float scaleExponent = top ? Float32.MAX_EXPONENT : k;
        float subtrahend = top ? 0.5f : 1f;
        float factor = top ? 2f : 1f;
        int scaleInteger = Float.floatToRawIntBits(scaleExponent + Float32.SHIFTER) - Float32.SHIFTER_BITS;
        float scale = powerOfTwo(scaleInteger);

        float leading = Math.fma(scale, rHigh, scale - subtrahend);
        return Math.fma(scale, q, leading) * factor;
    }

    // ---------------------------------------------------------------- log

    /** Natural logarithm; log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, exact at 1. */
    public static double log(double x) {
        boolean subnormal = x < Float64.MIN_NORMAL;
        double normal = subnormal ? x * Float64.SUBNORMAL_SCALE : x;
        double exponentOffset = subnormal ? Float64.SUBNORMAL_EXPONENT : 0.0;
        double result = logOfNormal(normal, exponentOffset, 0.0);
        return logSpecialCases(x, 0.0, result);
    }

    /** Natural logarithm; log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, exact at 1. */
    public static float log(float x) {
        boolean subnormal = x < Float32.MIN_NORMAL;
        float normal = subnormal ? x * Float32.SUBNORMAL_SCALE : x;
        float exponentOffset = subnormal ? Float32.SUBNORMAL_EXPONENT : 0f;
        float result = logOfNormal(normal, exponentOffset, 0f);
        return logSpecialCases(x, 0f, result);
    }

    /** log(1 + x), accurate near 0; keeps the sign of zero, log1p(−1) = −∞, log1p(x < −1) = NaN. */
    public static double log1p(double x) {
        // u + error = 1 + x exactly, and log(u + error) = log(u) + error/u to double precision.
        double u = 1.0 + x;
        double error = twoSumError(1.0, x, u);
        double result = logOfNormal(u, 0.0, error / u);
        result = logSpecialCases(x, -1.0, result);
        return x == 0 ? x : result;
    }

    /** log(1 + x), accurate near 0; keeps the sign of zero, log1p(−1) = −∞, log1p(x < −1) = NaN. */
    public static float log1p(float x) {
        float u = 1f + x;
        float error = twoSumError(1f, x, u);
        float result = logOfNormal(u, 0f, error / u);
        result = logSpecialCases(x, -1f, result);
        return x == 0 ? x : result;
    }

    /**
     * log(v) + correction for a positive normal v, plus exponentOffset·ln2. Other inputs give
     * meaningless finite values that the caller replaces.
     */
    private static double logOfNormal(double v, double exponentOffset, double correction) {
        long bits = Double.doubleToRawLongBits(v);
        long biasedExponent = (bits + Float64.LOG_MANTISSA_OFFSET) >>> Float64.MANTISSA_BITS;
        double m = Double.longBitsToDouble(bits - ((biasedExponent - Float64.EXPONENT_BIAS) << Float64.MANTISSA_BITS));
        double e = Double.longBitsToDouble(Float64.SHIFTER_BITS + biasedExponent)
                - (Float64.SHIFTER + Float64.EXPONENT_BIAS) + exponentOffset;

        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double halfSquare = 0.5 * f * f;
        double series = z * logPolynomial(z);
        double low = Math.fma(e, Float64.LN2_LO, correction);
        double tail = Math.fma(s, halfSquare + series, low);
        double logOfM = f - (halfSquare - tail);
        return Math.fma(e, Float64.LN2_HI, logOfM);
    }

    private static float logOfNormal(float v, float exponentOffset, float correction) {
        int bits = Float.floatToRawIntBits(v);
        int biasedExponent = (bits + Float32.LOG_MANTISSA_OFFSET) >>> Float32.MANTISSA_BITS;
        float m = Float.intBitsToFloat(bits - ((biasedExponent - Float32.EXPONENT_BIAS) << Float32.MANTISSA_BITS));
        float e = Float.intBitsToFloat(Float32.SHIFTER_BITS + biasedExponent)
                - (Float32.SHIFTER + Float32.EXPONENT_BIAS) + exponentOffset;

        float f = m - 1f;
        float s = f / (2f + f);
        float z = s * s;
        float halfSquare = 0.5f * f * f;
        float series = z * logPolynomial(z);
        float low = Math.fma(e, Float32.LN2_LO, correction);
        float tail = Math.fma(s, halfSquare + series, low);
        float logOfM = f - (halfSquare - tail);
        return Math.fma(e, Float32.LN2_HI, logOfM);
    }

    /** NaN and +∞ pass through, pole gives −∞, arguments below the pole give NaN. */
    private static double logSpecialCases(double x, double pole, double result) {
        double value = x < Double.POSITIVE_INFINITY ? result : x;
        value = x == pole ? Double.NEGATIVE_INFINITY : value;
        return x < pole ? Double.NaN : value;
    }

    private static float logSpecialCases(float x, float pole, float result) {
        float value = x < Float.POSITIVE_INFINITY ? result : x;
        value = x == pole ? Float.NEGATIVE_INFINITY : value;
        return x < pole ? Float.NaN : value;
    }

    // ---------------------------------------------------------------- tanh and sigmoid

    /**
     * Hyperbolic tangent, odd, exactly ±1 beyond ±TANH_SATURATION. With E = expm1(2|x|) held as
     * an unevaluated sum of two doubles, tanh|x| = E/(E + 2) is divided with a correction step,
     * so the rounding of E and of E + 2 does not reach the result.
     */
    public static double tanh(double x) {
        double magnitude = Math.abs(x);
        magnitude = magnitude > Float64.TANH_SATURATION ? Float64.TANH_SATURATION : magnitude;
        double twice = magnitude + magnitude;

        // expm1(twice) = 2^k·(rHigh + q) + 2^k − 1, with k ≤ 64.
        double shifted = Math.fma(twice, Float64.LOG2E, Float64.SHIFTER);
        double k = shifted - Float64.SHIFTER;
        double rHigh = Math.fma(k, -Float64.LN2_HI, twice);
        double rLow = k * -Float64.LN2_LO;
        double r = rHigh + rLow;
        double q = Math.fma(r * r, expPolynomial(r), rLow);
        double scale = powerOfTwo(Double.doubleToRawLongBits(shifted) - Float64.SHIFTER_BITS);
        double leading = Math.fma(scale, rHigh, scale - 1.0);
        double scaledQ = scale * q;
        double expm1High = leading + scaledQ;
        double expm1Low = (leading - expm1High) + scaledQ;

        double denominatorHigh = expm1High + 2.0;
        double denominatorLow = twoSumError(expm1High, 2.0, denominatorHigh) + expm1Low;
        double t = Math.abs(quotient(expm1High, expm1Low, denominatorHigh, denominatorLow));
        long sign = Double.doubleToRawLongBits(x) & Float64.SIGN_MASK;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | sign);
    }

    /** Hyperbolic tangent; see {@link #tanh(double)}. */
    public static float tanh(float x) {
        float magnitude = Math.abs(x);
        magnitude = magnitude > Float32.TANH_SATURATION ? Float32.TANH_SATURATION : magnitude;
        float twice = magnitude + magnitude;

        float shifted = Math.fma(twice, Float32.LOG2E, Float32.SHIFTER);
        float k = shifted - Float32.SHIFTER;
        float rHigh = Math.fma(k, -Float32.LN2_HI, twice);
        float rLow = k * -Float32.LN2_LO;
        float r = rHigh + rLow;
        float q = Math.fma(r * r, expPolynomial(r), rLow);
        float scale = powerOfTwo(Float.floatToRawIntBits(shifted) - Float32.SHIFTER_BITS);
        float leading = Math.fma(scale, rHigh, scale - 1f);
        float scaledQ = scale * q;
        float expm1High = leading + scaledQ;
        float expm1Low = (leading - expm1High) + scaledQ;

        float denominatorHigh = expm1High + 2f;
        float denominatorLow = twoSumError(expm1High, 2f, denominatorHigh) + expm1Low;
        float t = Math.abs(quotient(expm1High, expm1Low, denominatorHigh, denominatorLow));
        int sign = Float.floatToRawIntBits(x) & Float32.SIGN_MASK;
        return Float.intBitsToFloat(Float.floatToRawIntBits(t) | sign);
    }

    /**
     * Logistic sigmoid 1/(1 + e^−x), never overflowing: with e = e^−|x| ≤ 1 held as an
     * unevaluated sum of two doubles, it divides 1 by 1 + e for x ≥ 0 and e by 1 + e below, with
     * a correction step. Exactly 0.5 at ±0, 1 at +∞ and 0 at −∞.
     */
    public static double sigmoid(double x) {
        double negative = -Math.abs(x);
        negative = negative < Float64.EXP_MIN_ARGUMENT ? Float64.EXP_MIN_ARGUMENT : negative;

        // e^negative = 2^k·(1 + rHigh + q), with the rounding errors of both sums kept.
        double shifted = Math.fma(negative, Float64.LOG2E, Float64.SHIFTER);
        double k = shifted - Float64.SHIFTER;
        double rHigh = Math.fma(k, -Float64.LN2_HI, negative);
        double rLow = k * -Float64.LN2_LO;
        double r = rHigh + rLow;
        double q = Math.fma(r * r, expPolynomial(r), rLow);
        double expm1OfR = rHigh + q;
        double expm1OfRLow = (rHigh - expm1OfR) + q;
        double expOfR = 1.0 + expm1OfR;
        double expOfRLow = ((1.0 - expOfR) + expm1OfR) + expm1OfRLow;

        long kInteger = Double.doubleToRawLongBits(shifted) - Float64.SHIFTER_BITS;
        long k1 = ((kInteger + 2048) >>> 1) - 1024;
        double scale1 = powerOfTwo(k1);
        double scale2 = powerOfTwo(kInteger - k1);
        double expHigh = expOfR * scale1 * scale2;
        double expLow = expOfRLow * scale1 * scale2;

        double denominatorHigh = 1.0 + expHigh;
        double denominatorLow = ((1.0 - denominatorHigh) + expHigh) + expLow;
        boolean nonNegative = x >= 0;
        double numeratorHigh = nonNegative ? 1.0 : expHigh;
        double numeratorLow = nonNegative ? 0.0 : expLow;
        return quotient(numeratorHigh, numeratorLow, denominatorHigh, denominatorLow);
    }

    /** Logistic sigmoid; see {@link #sigmoid(double)}. */
    public static float sigmoid(float x) {
        float negative = -Math.abs(x);
        negative = negative < Float32.EXP_MIN_ARGUMENT ? Float32.EXP_MIN_ARGUMENT : negative;

        float shifted = Math.fma(negative, Float32.LOG2E, Float32.SHIFTER);
        float k = shifted - Float32.SHIFTER;
        float rHigh = Math.fma(k, -Float32.LN2_HI, negative);
        float rLow = k * -Float32.LN2_LO;
        float r = rHigh + rLow;
        float q = Math.fma(r * r, expPolynomial(r), rLow);
        float expm1OfR = rHigh + q;
        float expm1OfRLow = (rHigh - expm1OfR) + q;
        float expOfR = 1f + expm1OfR;
        float expOfRLow = ((1f - expOfR) + expm1OfR) + expm1OfRLow;

        int kInteger = Float.floatToRawIntBits(shifted) - Float32.SHIFTER_BITS;
        int k1 = ((kInteger + 256) >>> 1) - 128;
        float scale1 = powerOfTwo(k1);
        float scale2 = powerOfTwo(kInteger - k1);
        float expHigh = expOfR * scale1 * scale2;
        float expLow = expOfRLow * scale1 * scale2;

        float denominatorHigh = 1f + expHigh;
        float denominatorLow = ((1f - denominatorHigh) + expHigh) + expLow;
        boolean nonNegative = x >= 0;
        float numeratorHigh = nonNegative ? 1f : expHigh;
        float numeratorLow = nonNegative ? 0f : expLow;
        return quotient(numeratorHigh, numeratorLow, denominatorHigh, denominatorLow);
    }

    /**
     * (numeratorHigh + numeratorLow)/(denominatorHigh + denominatorLow) with one division: the
     * first quotient q0 comes from the reciprocal, and the remainder of q0, computed with fma,
     * corrects it.
     */
    private static double quotient(double numeratorHigh, double numeratorLow,
                                   double denominatorHigh, double denominatorLow) {
        double reciprocal = 1.0 / denominatorHigh;
        double q0 = numeratorHigh * reciprocal;
        double remainder = Math.fma(-q0, denominatorHigh, numeratorHigh);
        double correction = Math.fma(-q0, denominatorLow, remainder + numeratorLow);
        return Math.fma(correction, reciprocal, q0);
    }

    private static float quotient(float numeratorHigh, float numeratorLow,
                                  float denominatorHigh, float denominatorLow) {
        float reciprocal = 1f / denominatorHigh;
        float q0 = numeratorHigh * reciprocal;
        float remainder = Math.fma(-q0, denominatorHigh, numeratorHigh);
        float correction = Math.fma(-q0, denominatorLow, remainder + numeratorLow);
        return Math.fma(correction, reciprocal, q0);
    }

    /** The rounding error of sum = a + b, exactly (Knuth's two-sum). */
    private static double twoSumError(double a, double b, double sum) {
        double bPart = sum - a;
        return (a - (sum - bPart)) + (b - bPart);
    }

    private static float twoSumError(float a, float b, float sum) {
        float bPart = sum - a;
        return (a - (sum - bPart)) + (b - bPart);
    }

    // ---------------------------------------------------------------- polynomials and scaling

    /** Σ r^(n−2)/n! for n = 2..13 by Horner's rule. */
    private static double expPolynomial(double r) {
        double p = Float64.EXP_C13;
        p = Math.fma(p, r, Float64.EXP_C12);
        p = Math.fma(p, r, Float64.EXP_C11);
        p = Math.fma(p, r, Float64.EXP_C10);
        p = Math.fma(p, r, Float64.EXP_C9);
        p = Math.fma(p, r, Float64.EXP_C8);
        p = Math.fma(p, r, Float64.EXP_C7);
        p = Math.fma(p, r, Float64.EXP_C6);
        p = Math.fma(p, r, Float64.EXP_C5);
        p = Math.fma(p, r, Float64.EXP_C4);
        p = Math.fma(p, r, Float64.EXP_C3);
        return Math.fma(p, r, Float64.EXP_C2);
    }

    /** Σ r^(n−2)/n! for n = 2..7 by Horner's rule. */
    private static float expPolynomial(float r) {
        float p = Float32.EXP_C7;
        p = Math.fma(p, r, Float32.EXP_C6);
        p = Math.fma(p, r, Float32.EXP_C5);
        p = Math.fma(p, r, Float32.EXP_C4);
        p = Math.fma(p, r, Float32.EXP_C3);
        return Math.fma(p, r, Float32.EXP_C2);
    }

    /** Σ 2z^(n−1)/(2n+1) for n = 1..10 by Horner's rule. */
    private static double logPolynomial(double z) {
        double p = Float64.LOG_C10;
        p = Math.fma(p, z, Float64.LOG_C9);
        p = Math.fma(p, z, Float64.LOG_C8);
        p = Math.fma(p, z, Float64.LOG_C7);
        p = Math.fma(p, z, Float64.LOG_C6);
        p = Math.fma(p, z, Float64.LOG_C5);
        p = Math.fma(p, z, Float64.LOG_C4);
        p = Math.fma(p, z, Float64.LOG_C3);
        p = Math.fma(p, z, Float64.LOG_C2);
        return Math.fma(p, z, Float64.LOG_C1);
    }

    /** Σ 2z^(n−1)/(2n+1) for n = 1..4 by Horner's rule. */
    private static float logPolynomial(float z) {
        float p = Float32.LOG_C4;
        p = Math.fma(p, z, Float32.LOG_C3);
        p = Math.fma(p, z, Float32.LOG_C2);
        return Math.fma(p, z, Float32.LOG_C1);
    }

    /** 2^k for k in [−1022, 1023], built in the exponent field. */
    private static double powerOfTwo(long k) {
        return Double.longBitsToDouble((k + Float64.EXPONENT_BIAS) << Float64.MANTISSA_BITS);
    }

    /** 2^k for k in [−126, 127], built in the exponent field. */
    private static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + Float32.EXPONENT_BIAS) << Float32.MANTISSA_BITS);
    }
}
