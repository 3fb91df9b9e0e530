package org.cortexj.backend.cpu;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * exp and the logistic sigmoid in BigDecimal arithmetic with 50 significant digits, as an
 * independent reference where {@link StrictMath} has no such function. exp reduces x = k·ln2 + r
 * with a 70-digit ln 2, sums the Taylor series of e^r until the terms fall below 10^−60, and
 * scales by the exact power 2^k.
 */
final class ExactMath {

    private static final MathContext CONTEXT = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 =
            new BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800094933936");
    private static final BigDecimal TAYLOR_LIMIT = new BigDecimal("1e-60");

    private ExactMath() {
    }

    /** e^x for finite x with |x| ≤ 2000. */
    static BigDecimal exp(double x) {
        long k = Math.round(x / Math.log(2));
        BigDecimal r = new BigDecimal(x).subtract(LN2.multiply(BigDecimal.valueOf(k)), CONTEXT);

        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(TAYLOR_LIMIT) > 0; n++) {
            term = term.multiply(r, CONTEXT).divide(BigDecimal.valueOf(n), CONTEXT);
            sum = sum.add(term, CONTEXT);
        }

        BigDecimal powerOfTwo = new BigDecimal(BigInteger.ONE.shiftLeft((int) Math.abs(k)));
        return k >= 0 ? sum.multiply(powerOfTwo, CONTEXT) : sum.divide(powerOfTwo, CONTEXT);
    }

    /** 1/(1 + e^−x) for finite x with |x| ≤ 2000. */
    static BigDecimal sigmoid(double x) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(-x), CONTEXT), CONTEXT);
    }

    /**
     * |actual − exact| in units of the last place of the double nearest to exact, for finite
     * actual. For subnormal results the unit is the smallest subnormal.
     */
    static double ulpError(double actual, BigDecimal exact) {
        double rounded = exact.doubleValue();
        BigDecimal difference = new BigDecimal(actual).subtract(exact, CONTEXT).abs();
        return difference.divide(new BigDecimal(Math.ulp(rounded)), CONTEXT).doubleValue();
    }
}
