package org.cortexj.backend.cpu;

import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;

/**
 * Elementwise loops over array regions of {@code n} elements. Each source region may be the
 * destination region (same array and offset) but must not otherwise overlap it.
 *
 * <p>Two implementations exist: {@link ScalarElementwiseKernels} and the Vector API one in the
 * {@code simd} package. For a given n they must return bit-identical results for every operator
 * except float32 rsqrt, where the vector kernel divides by a square root rounded to float and
 * may differ by 1 unit in the last place.
 */
public interface ElementwiseKernels {

    String name();

    void unary(UnaryOp op, float[] x, int xOffset, float[] out, int outOffset, int n);

    void unary(UnaryOp op, double[] x, int xOffset, double[] out, int outOffset, int n);

    void binary(BinaryOp op, float[] a, int aOffset, float[] b, int bOffset,
                float[] out, int outOffset, int n);

    void binary(BinaryOp op, double[] a, int aOffset, double[] b, int bOffset,
                double[] out, int outOffset, int n);

    /** out = left op right, with one scalar right operand; the same values as the array form. */
    void binaryScalar(BinaryOp op, float[] left, int leftOffset, float right, float[] out, int outOffset, int n);

    /** out = left op right, with one scalar right operand; the same values as the array form. */
    void binaryScalar(BinaryOp op, double[] left, int leftOffset, double right, double[] out, int outOffset, int n);

    /** out = condition != 0 ? ifTrue : ifFalse (a NaN condition counts as true). */
    void where(float[] condition, int conditionOffset, float[] ifTrue, int trueOffset,
               float[] ifFalse, int falseOffset, float[] out, int outOffset, int n);

    /** out = condition != 0 ? ifTrue : ifFalse (a NaN condition counts as true). */
    void where(double[] condition, int conditionOffset, double[] ifTrue, int trueOffset,
               double[] ifFalse, int falseOffset, double[] out, int outOffset, int n);
}
