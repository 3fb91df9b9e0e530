package org.cortexj.backend.cpu;

/**
 * Scalar functions that {@link Math} lacks or computes in a form that overflows.
 */
public final class ScalarMath {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955125738961589031215452;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477562869480794515607726;

    /**
     * erf uses its Maclaurin series up to this |x| and the continued fraction of erfc above it.
     * The alternating series loses digits to cancellation as |x| grows (about 45 units in the
     * last place at 2.5), while the continued fraction needs more iterations as |x| shrinks
     * (about 90 at 1.5).
     */
    private static final double SERIES_LIMIT = 1.5;
    private static final double[] ERF_SERIES = erfSeriesCoefficients();

    private ScalarMath() {
    }

    /** Logistic sigmoid; never overflows, and is exactly 0.5 at ±0. Same bits as the kernels. */
    public static double sigmoid(double x) {
        return PolynomialMath.sigmoid(x);
    }

    /** Logistic sigmoid in float arithmetic; the same bits as the float32 kernels. */
    public static float sigmoid(float x) {
        return PolynomialMath.sigmoid(x);
    }

    /** max(x, 0), keeping NaN. */
    public static double relu(double x) {
        return x > 0 ? x : (x != x ? x : 0.0);
    }

    /** max(x, 0), keeping NaN. */
    public static float relu(float x) {
        return x > 0 ? x : (x != x ? x : 0.0f);
    }

    /**
     * Gauss error function, accurate to a few units in the last place of a double.
     *
     * <p>For |x| ≤ 1.5 it evaluates the Maclaurin series 2/√π · Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)),
     * truncated after 28 terms, by Horner's rule so that the small terms are added first. Beyond
     * that it returns 1 − erfc(x) with erfc from its continued fraction (Abramowitz and Stegun,
     * Handbook of Mathematical Functions, 7.1.14). Above 6 the result rounds to ±1.
     */
    public static double erf(double x) {
        if (x != x) {
            return x;
        }
        double magnitude = Math.abs(x);
        if (magnitude > 6.0) {
            return Math.copySign(1.0, x);
        }
        if (magnitude <= SERIES_LIMIT) {
            return erfSeries(x);
        }
        return Math.copySign(1.0 - erfcContinuedFraction(magnitude), x);
    }

    private static double erfSeries(double x) {
        double xSquared = x * x;
        double sum = ERF_SERIES[ERF_SERIES.length - 1];
        for (int n = ERF_SERIES.length - 2; n >= 0; n--) {
            sum = sum * xSquared + ERF_SERIES[n];
        }
        return TWO_OVER_SQRT_PI * (x * sum);
    }

    /** (−1)ⁿ / (n! (2n+1)) for n = 0..27; the next term at |x| = 1.5 is below 10⁻²¹. */
    private static double[] erfSeriesCoefficients() {
        double[] coefficients = new double[28];
        double factorial = 1;
        for (int n = 0; n < coefficients.length; n++) {
            factorial *= Math.max(n, 1);
            coefficients[n] = (n % 2 == 0 ? 1 : -1) / (factorial * (2 * n + 1));
        }
        return coefficients;
    }

    /** erfc(x) for x > 1.5 by the continued fraction, evaluated with the modified Lentz method. */
    private static double erfcContinuedFraction(double x) {
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n * 0.5;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }

    /** Applies one unary operator to a double; the reference semantics for every kernel. */
    public static double apply(org.cortexj.backend.UnaryOp op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case EXP -> PolynomialMath.exp(x);
            case EXPM1 -> PolynomialMath.expm1(x);
            case LOG -> PolynomialMath.log(x);
            case LOG1P -> PolynomialMath.log1p(x);
            case SQRT -> Math.sqrt(x);
            case RSQRT -> 1.0 / Math.sqrt(x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1.0 / x;
            case TANH -> PolynomialMath.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> relu(x);
            case SIGN -> Math.signum(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x);
            case ERF -> erf(x);
        };
    }

    /** Applies one binary operator to doubles; the reference semantics for every kernel. */
    public static double apply(org.cortexj.backend.BinaryOp op, double a, double b) {
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
}
