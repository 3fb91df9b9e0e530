package org.cortexj.backend.cpu.codegen;

import org.cortexj.backend.cpu.PolynomialMath;
import org.cortexj.backend.cpu.ScalarMath;

/**
 * Float64 element operations for the scalar tails of generated kernels, one method per
 * operator and named after it in lower camel case. Each returns the expression that
 * {@link org.cortexj.backend.cpu.ScalarElementwiseKernels} writes for one element, so a
 * generated tail computes the same bits. Generated code calls these methods by name.
 */
final class ScalarDoubleOps {

    private ScalarDoubleOps() {
    }

    static double neg(double x) {
        return -x;
    }

    static double abs(double x) {
        return Math.abs(x);
    }

    static double exp(double x) {
        return PolynomialMath.exp(x);
    }

    static double expm1(double x) {
        return PolynomialMath.expm1(x);
    }

    static double log(double x) {
        return PolynomialMath.log(x);
    }

    static double log1p(double x) {
        return PolynomialMath.log1p(x);
    }

    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    static double rsqrt(double x) {
        return 1.0 / Math.sqrt(x);
    }

    static double square(double x) {
        return x * x;
    }

    static double reciprocal(double x) {
        return 1.0 / x;
    }

    static double tanh(double x) {
        return PolynomialMath.tanh(x);
    }

    static double sigmoid(double x) {
        return PolynomialMath.sigmoid(x);
    }

    static double relu(double x) {
        return ScalarMath.relu(x);
    }

    static double sign(double x) {
        return Math.signum(x);
    }

    static double floor(double x) {
        return Math.floor(x);
    }

    static double ceil(double x) {
        return Math.ceil(x);
    }

    static double round(double x) {
        return Math.rint(x);
    }

    static double erf(double x) {
        return ScalarMath.erf(x);
    }

    static double add(double a, double b) {
        return a + b;
    }

    static double sub(double a, double b) {
        return a - b;
    }

    static double mul(double a, double b) {
        return a * b;
    }

    static double div(double a, double b) {
        return a / b;
    }

    static double pow(double a, double b) {
        return Math.pow(a, b);
    }

    static double maximum(double a, double b) {
        return Math.max(a, b);
    }

    static double minimum(double a, double b) {
        return Math.min(a, b);
    }

    static double gt(double a, double b) {
        return a > b ? 1.0 : 0.0;
    }

    static double ge(double a, double b) {
        return a >= b ? 1.0 : 0.0;
    }

    static double lt(double a, double b) {
        return a < b ? 1.0 : 0.0;
    }

    static double le(double a, double b) {
        return a <= b ? 1.0 : 0.0;
    }

    static double eq(double a, double b) {
        return a == b ? 1.0 : 0.0;
    }

    static double ne(double a, double b) {
        return a != b ? 1.0 : 0.0;
    }

    static double mulNoNan(double a, double b) {
        return b == 0 ? 0.0 : a * b;
    }

    /** condition != 0 ? ifTrue : ifFalse, so a NaN condition selects ifTrue. */
    static double where(double condition, double ifTrue, double ifFalse) {
        return condition != 0 ? ifTrue : ifFalse;
    }
}
