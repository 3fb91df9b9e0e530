package org.cortexj.backend.cpu;

import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;

/**
 * Plain Java loops, one per operator and type. The reference for the SIMD kernels and the
 * fallback where the Vector API is not enabled. exp, expm1, log, log1p, tanh and sigmoid come
 * from {@link PolynomialMath}, in the argument's own precision, so they match the SIMD kernels
 * bit for bit; the other float32 functions are computed in double and rounded once.
 */
public final class ScalarElementwiseKernels implements ElementwiseKernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void unary(UnaryOp op, float[] in, int inOffset, float[] out, int outOffset, int n) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = -x;
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = Math.abs(x);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.exp(x);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.expm1(x);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.log(x);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.log1p(x);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) Math.sqrt(x);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) (1.0 / Math.sqrt(x));
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = x * x;
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = 1.0f / x;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.tanh(x);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.sigmoid(x);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = ScalarMath.relu(x);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = Math.signum(x);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) Math.floor(x);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) Math.ceil(x);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) Math.rint(x);
                }
            }
            case ERF -> {
                for (int i = 0; i < n; i++) {
                    float x = in[inOffset + i];
                    out[outOffset + i] = (float) ScalarMath.erf(x);
                }
            }
        }
    }

    @Override
    public void unary(UnaryOp op, double[] in, int inOffset, double[] out, int outOffset, int n) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = -x;
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.abs(x);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.exp(x);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.expm1(x);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.log(x);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.log1p(x);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.sqrt(x);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = 1.0 / Math.sqrt(x);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = x * x;
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = 1.0 / x;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.tanh(x);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = PolynomialMath.sigmoid(x);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = ScalarMath.relu(x);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.signum(x);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.floor(x);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.ceil(x);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = Math.rint(x);
                }
            }
            case ERF -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inOffset + i];
                    out[outOffset + i] = ScalarMath.erf(x);
                }
            }
        }
    }

    @Override
    public void binary(BinaryOp op, float[] left, int leftOffset, float[] right, int rightOffset,
                       float[] out, int outOffset, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a + b;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a - b;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a * b;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a / b;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = (float) Math.pow(a, b);
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = Math.max(a, b);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = Math.min(a, b);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a > b ? 1f : 0f;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a >= b ? 1f : 0f;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a < b ? 1f : 0f;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a <= b ? 1f : 0f;
                }
            }
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a == b ? 1f : 0f;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = a != b ? 1f : 0f;
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    float b = right[rightOffset + i];
                    out[outOffset + i] = b == 0 ? 0f : a * b;
                }
            }
        }
    }

    @Override
    public void binary(BinaryOp op, double[] left, int leftOffset, double[] right, int rightOffset,
                       double[] out, int outOffset, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a + b;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a - b;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a * b;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a / b;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = Math.pow(a, b);
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = Math.max(a, b);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = Math.min(a, b);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a > b ? 1.0 : 0.0;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a >= b ? 1.0 : 0.0;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a < b ? 1.0 : 0.0;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a <= b ? 1.0 : 0.0;
                }
            }
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a == b ? 1.0 : 0.0;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = a != b ? 1.0 : 0.0;
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    double b = right[rightOffset + i];
                    out[outOffset + i] = b == 0 ? 0.0 : a * b;
                }
            }
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] left, int leftOffset, float b, float[] out, int outOffset, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a + b;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a - b;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a * b;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a / b;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = (float) Math.pow(a, b);
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = Math.max(a, b);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = Math.min(a, b);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a > b ? 1f : 0f;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a >= b ? 1f : 0f;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a < b ? 1f : 0f;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a <= b ? 1f : 0f;
                }
            }
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a == b ? 1f : 0f;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = a != b ? 1f : 0f;
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < n; i++) {
                    float a = left[leftOffset + i];
                    out[outOffset + i] = b == 0 ? 0f : a * b;
                }
            }
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, double[] left, int leftOffset, double b, double[] out, int outOffset, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a + b;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a - b;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a * b;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a / b;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = Math.pow(a, b);
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = Math.max(a, b);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = Math.min(a, b);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a > b ? 1.0 : 0.0;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a >= b ? 1.0 : 0.0;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a < b ? 1.0 : 0.0;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a <= b ? 1.0 : 0.0;
                }
            }
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a == b ? 1.0 : 0.0;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = a != b ? 1.0 : 0.0;
                }
            }
            case MUL_NO_NAN -> {
                for (int i = 0; i < n; i++) {
                    double a = left[leftOffset + i];
                    out[outOffset + i] = b == 0 ? 0.0 : a * b;
                }
            }
        }
    }

    @Override
    public void where(float[] condition, int conditionOffset, float[] ifTrue, int trueOffset,
                      float[] ifFalse, int falseOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = condition[conditionOffset + i] != 0
                    ? ifTrue[trueOffset + i] : ifFalse[falseOffset + i];
        }
    }

    @Override
    public void where(double[] condition, int conditionOffset, double[] ifTrue, int trueOffset,
                      double[] ifFalse, int falseOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = condition[conditionOffset + i] != 0
                    ? ifTrue[trueOffset + i] : ifFalse[falseOffset + i];
        }
    }
}
