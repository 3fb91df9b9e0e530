package org.cortexj.nn.functional;

import org.cortexj.tensor.Shape;
import org.cortexj.tensor.Tensor;

/**
 * Softmax and log-softmax along one axis, written as tensor expressions whose gradients
 * autograd derives.
 *
 * <p>Both subtract the maximum along the axis before calling exp, so logits of ±1000, or a
 * row whose entries are all −1000, give finite results. The maximum is detached from the
 * graph: softmax(x − c) equals softmax(x) for any c constant along the axis, so its gradient
 * through c is 0, and detaching it saves the max reduction's backward pass.
 *
 * <p>Note: a row that contains +∞, or whose entries are all −∞, gives NaN, as in PyTorch.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Returns exp(x_i) / Σ_j exp(x_j) along {@code axis}: every slice along that axis is
     * non-negative and sums to 1.
     *
     * @param x float32 or float64 tensor of any shape; the result has the same shape and type
     * @param axis axis to normalize over; negative values count from the end
     * @throws IllegalArgumentException if the axis is out of range for x's rank
     */
    public static Tensor softmax(Tensor x, int axis) {
        Shape.normalizeAxis(axis, x.rank(), "softmax");
        Tensor exponentials = subtractMax(x, axis).exp();
        return exponentials.div(exponentials.sum(new int[] {axis}, true));
    }

    /**
     * Returns log(softmax(x)) along {@code axis}, computed as x − m − log(Σ_j exp(x_j − m))
     * with m the maximum along the axis, which stays accurate where softmax underflows to 0.
     *
     * @param x float32 or float64 tensor of any shape; the result has the same shape and type
     * @param axis axis to normalize over; negative values count from the end
     * @throws IllegalArgumentException if the axis is out of range for x's rank
     */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Shape.normalizeAxis(axis, x.rank(), "logSoftmax");
        Tensor shifted = subtractMax(x, axis);
        return shifted.sub(shifted.exp().sum(new int[] {axis}, true).log());
    }

    /**
     * Returns log(Σ_j exp(x_j)) along {@code axis}, with that axis removed, computed from
     * the maximum m as m + log(Σ_j exp(x_j − m)). Its gradient is softmax(x).
     *
     * @throws IllegalArgumentException if the axis is out of range for x's rank
     */
    public static Tensor logSumExp(Tensor x, int axis) {
        Shape.normalizeAxis(axis, x.rank(), "logSumExp");
        Tensor max = rowMax(x, axis);
        Tensor sum = x.sub(max).exp().sum(new int[] {axis}, true);
        return sum.log().add(max).squeeze(axis);
    }

    private static Tensor subtractMax(Tensor x, int axis) {
        return x.sub(rowMax(x, axis));
    }

    /**
     * Maximum along the axis, detached and kept as a size-1 axis. An empty axis has no
     * maximum, but then there is nothing to shift, so 0 is used. A lazy x is evaluated first,
     * so the max and the shift read one result instead of each computing x.
     */
    private static Tensor rowMax(Tensor x, int axis) {
        Tensor values = x.realize().detach();
        if (x.size() == 0) {
            return values.sum(new int[] {axis}, true);
        }
        return values.max(new int[] {axis}, true);
    }
}
