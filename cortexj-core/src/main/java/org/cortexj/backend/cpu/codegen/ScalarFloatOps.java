package org.cortexj.backend.cpu.codegen;

import org.cortexj.backend.cpu.PolynomialMath;
import org.cortexj.backend.cpu.ScalarMath;

/**
 * Float32 element operations for the scalar tails of generated kernels, one method per
 * operator and named after it in lower camel case. Each returns the expression that
 * {@link org.cortexj.backend.cpu.ScalarElementwiseKernels} writes for one element, so a
 * generated tail computes the same bits. Generated code calls these methods by name.
 */
final class ScalarFloatOps {

    private ScalarFloatOps() {
    }

    static float neg(float x) {
        return -x;
    }

    static float abs(float x) {
        return Math.abs(x);
    }

    static float exp(float x) {
        return PolynomialMath.exp(x);
    }

    static float expm1(float x) {
        return PolynomialMath.expm1(x);
    }

    static float log(float x) {
        return PolynomialMath.log(x);
    }

    static float log1p(float x) {
        return PolynomialMath.log1p(x);
    }

    static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    static float rsqrt(float x) {
        return (float) (1.0 / Math.sqrt(x));
    }

    static float square(float x) {
        return x * x;
    }

    static float reciprocal(float x) {
        return 1.0f / x;
    }

    static float tanh(float x) {
        return PolynomialMath.tanh(x);
    }

    static float sigmoid(float x) {
        return PolynomialMath.sigmoid(x);
    }

    static float relu(float x) {
        return ScalarMath.relu(x);
    }

    static float sign(float x) {
        return Math.signum(x);
    }

    static float floor(float x) {
        return (float) Math.floor(x);
    }

    static float ceil(float x) {
        return (float) Math.ceil(x);
    }

    static float round(float x) {
        return (float) Math.rint(x);
    }

    static float erf(float x) {
        return (float) ScalarMath.erf(x);
    }

    static float add(float a, float b) {
        return a + b;
    }

    static float sub(float a, float b) {
        return a - b;
    }

    static float mul(float a, float b) {
        return a * b;
    }

    static float div(float a, float b) {
        return a / b;
    }

    static float pow(float a, float b) {
        return (float) Math.pow(a, b);
    }

    static float maximum(float a, float b) {
        return Math.max(a, b);
    }

    static float minimum(float a, float b) {
        return Math.min(a, b);
    }

    static float gt(float a, float b) {
        return a > b ? 1f : 0f;
    }

    static float ge(float a, float b) {
        return a >= b ? 1f : 0f;
    }

    static float lt(float a, float b) {
        return a < b ? 1f : 0f;
    }

    static float le(float a, float b) {
        return a <= b ? 1f : 0f;
    }

    static float eq(float a, float b) {
        return a == b ? 1f : 0f;
    }

    static float ne(float a, float b) {
        return a != b ? 1f : 0f;
    }

    static float mulNoNan(float a, float b) {
        return b == 0 ? 0f : a * b;
    }

    /** condition != 0 ? ifTrue : ifFalse, so a NaN condition selects ifTrue. */
    static float where(float condition, float ifTrue, float ifFalse) {
        return condition != 0 ? ifTrue : ifFalse;
    }
}
