package org.cortexj.backend.cpu;

/**
 * Constants shared by {@link PolynomialMath} and its Vector API twins, {@code FloatVectorMath} and
 * {@code DoubleVectorMath} in the {@code simd} package. All read the same compile-time constants,
 * so their operation sequences see the same bits.
 *
 * <p>Polynomial coefficients are truncated Taylor series written as exact fractions, rounded
 * once to the target type by the compiler: 1/n! for exp, and 2/(2n+1) for
 * log(1+f) = 2·atanh(s) with s = f/(2+f).
 */
public final class TranscendentalConstants {

    private TranscendentalConstants() {
    }

    /** Constants for double arguments. */
    public static final class Float64 {

        /** log2(e) rounded to double. */
        public static final double LOG2E = 0x1.71547652b82fep0;
        /** ln 2 rounded to double. fma(−k, LN2_HI, x) is exact whenever the result is below 1/2. */
        public static final double LN2_HI = 0x1.62e42fefa39efp-1;
        /** ln 2 − LN2_HI, rounded to double. */
        public static final double LN2_LO = 0x1.abc9e3b39803fp-56;
        /**
         * 1.5·2^52: adding it rounds a value below 2^51 in magnitude to an integer, which then sits
         * in the low bits of the sum.
         */
        public static final double SHIFTER = 0x1.8p52;
        public static final long SHIFTER_BITS = 0x4338000000000000L;

        /** exp overflows above 709.78; clamping here keeps 2^k within two normal scale factors. */
        public static final double EXP_MAX_ARGUMENT = 710.0;
        /** exp(x) rounds to 0 below −745.13. */
        public static final double EXP_MIN_ARGUMENT = -746.0;
        /** expm1(x) rounds to −1 below −37.43, where e^x is under half an ulp of 1. */
        public static final double EXPM1_MIN_ARGUMENT = -40.0;
        /** The largest k for which 2^k is a double. */
        public static final double MAX_EXPONENT = 1023.0;
        /** tanh(x) rounds to 1 above 19.06. */
        public static final double TANH_SATURATION = 22.0;

        /** Smallest positive normal double; log scales smaller inputs by 2^54 first. */
        public static final double MIN_NORMAL = 0x1.0p-1022;
        public static final double SUBNORMAL_SCALE = 0x1.0p54;
        public static final double SUBNORMAL_EXPONENT = -54.0;
        /**
         * (bits of 1.0) − (bits of √½): added to the bits of x, it carries into the exponent field
         * exactly when the significand of x is at least √2, so the mantissa lands in [√½, √2).
         */
        public static final long LOG_MANTISSA_OFFSET = 0x3ff0000000000000L - 0x3fe6a09e667f3bcdL;
        public static final long EXPONENT_BIAS = 1023L;
        public static final int MANTISSA_BITS = 52;
        public static final long SIGN_MASK = 0x8000000000000000L;

        /** exp(r) − 1 − r ≈ r²·(EXP_C2 + r·(EXP_C3 + …)); the first term left out is r^14/14!. */
        public static final double EXP_C2 = 1.0 / 2;
        public static final double EXP_C3 = 1.0 / 6;
        public static final double EXP_C4 = 1.0 / 24;
        public static final double EXP_C5 = 1.0 / 120;
        public static final double EXP_C6 = 1.0 / 720;
        public static final double EXP_C7 = 1.0 / 5040;
        public static final double EXP_C8 = 1.0 / 40320;
        public static final double EXP_C9 = 1.0 / 362880;
        public static final double EXP_C10 = 1.0 / 3628800;
        public static final double EXP_C11 = 1.0 / 39916800;
        public static final double EXP_C12 = 1.0 / 479001600;
        public static final double EXP_C13 = 1.0 / 6227020800.0;

        /** 2·atanh(s) − 2s ≈ s·z·(LOG_C1 + z·(LOG_C2 + …)) with z = s²; the first term left out is 2z^11/23. */
        public static final double LOG_C1 = 2.0 / 3;
        public static final double LOG_C2 = 2.0 / 5;
        public static final double LOG_C3 = 2.0 / 7;
        public static final double LOG_C4 = 2.0 / 9;
        public static final double LOG_C5 = 2.0 / 11;
        public static final double LOG_C6 = 2.0 / 13;
        public static final double LOG_C7 = 2.0 / 15;
        public static final double LOG_C8 = 2.0 / 17;
        public static final double LOG_C9 = 2.0 / 19;
        public static final double LOG_C10 = 2.0 / 21;

        private Float64() {
        }
    }

    /** Constants for float arguments; the same roles as in {@link Float64}. */
    public static final class Float32 {

        public static final float LOG2E = 0x1.715476p0f;
        public static final float LN2_HI = 0x1.62e43p-1f;
        public static final float LN2_LO = -0x1.05c61p-29f;
        /** 1.5·2^23, the float counterpart of {@link Float64#SHIFTER}. */
        public static final float SHIFTER = 0x1.8p23f;
        public static final int SHIFTER_BITS = 0x4b400000;

        /** exp overflows above 88.72. */
        public static final float EXP_MAX_ARGUMENT = 89f;
        /** exp(x) rounds to 0 below −103.97. */
        public static final float EXP_MIN_ARGUMENT = -104f;
        /** expm1(x) rounds to −1 below −17.33. */
        public static final float EXPM1_MIN_ARGUMENT = -20f;
        public static final float MAX_EXPONENT = 127f;
        /** tanh(x) rounds to 1 above 9.01. */
        public static final float TANH_SATURATION = 10f;

        public static final float MIN_NORMAL = 0x1.0p-126f;
        public static final float SUBNORMAL_SCALE = 0x1.0p24f;
        public static final float SUBNORMAL_EXPONENT = -24f;
        public static final int LOG_MANTISSA_OFFSET = 0x3f800000 - 0x3f3504f3;
        public static final int EXPONENT_BIAS = 127;
        public static final int MANTISSA_BITS = 23;
        public static final int SIGN_MASK = 0x80000000;

        /**
         * exp(r) ≈ 1 + r + r²·(EXP_P2 + r·(EXP_P3 + r·(EXP_P4 + r·(EXP_P5 + r·EXP_P6)))) for
         * |r| ≤ ln2/2. The coefficients minimize the largest relative error of exp(r). They come
         * from Lawson's algorithm on 4,001 Chebyshev points in float64, rounded to float
         * ({@code scripts/fit-exp-polynomial.py} prints them). The error is then 3.6e-9, or
         * 0.03 ulps of 1. Taylor's coefficients of this degree would err by about 1 ulp, since
         * the first term they leave out, r^7/7!, is 1.2e-7 at r = ln2/2.
         */
        public static final float EXP_P2 = 0x1.fffffcp-2f;
        public static final float EXP_P3 = 0x1.555492p-3f;
        public static final float EXP_P4 = 0x1.5558f2p-5f;
        public static final float EXP_P5 = 0x1.123a2p-7f;
        public static final float EXP_P6 = 0x1.6a23dp-10f;
        /**
         * EXPONENT_BIAS − SHIFTER_BITS/2. With b the bits of k + SHIFTER, h = b >> 1 equals
         * SHIFTER_BITS/2 + floor(k/2), so h + HALF_SHIFTER_BIAS and b − h + HALF_SHIFTER_BIAS are
         * the biased exponents of 2^floor(k/2) and 2^ceil(k/2).
         */
        public static final int HALF_SHIFTER_BIAS = EXPONENT_BIAS - (SHIFTER_BITS >> 1);

        /** The first term left out is r^8/8!, below 5.3e-9 for |r| ≤ ln2/2. */
        public static final float EXP_C2 = 1f / 2;
        public static final float EXP_C3 = 1f / 6;
        public static final float EXP_C4 = 1f / 24;
        public static final float EXP_C5 = 1f / 120;
        public static final float EXP_C6 = 1f / 720;
        public static final float EXP_C7 = 1f / 5040;

        /** The first term left out is 2z^5/11, a relative 2e-9 of the result for z ≤ 0.0295. */
        public static final float LOG_C1 = 2f / 3;
        public static final float LOG_C2 = 2f / 5;
        public static final float LOG_C3 = 2f / 7;
        public static final float LOG_C4 = 2f / 9;

        private Float32() {
        }
    }
}
