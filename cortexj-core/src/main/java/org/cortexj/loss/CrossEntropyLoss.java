package org.cortexj.loss;

import org.cortexj.backend.DataType;
import org.cortexj.nn.functional.Softmax;
import org.cortexj.tensor.Tensor;

/**
 * Softmax cross-entropy between raw class scores (logits) and class indices.
 *
 * <pre>
 * loss_n = logsumexp(z_n) − z_n[label_n] = −log_softmax(z_n)[label_n]
 * </pre>
 *
 * <p>Contract: logits have shape [N, C] and a float type; labels have shape [N] and hold class
 * indices in [0, C), either as INT32 or as floats with integer values. Anything else is
 * rejected before computing. {@link Reduction#MEAN} (the default) averages over the N samples,
 * SUM adds them, and NONE returns the [N] per-sample losses.
 *
 * <p>The loss is built from {@link Softmax#logSoftmax} and a one-hot mask (class positions
 * compared with each label), so autograd derives the gradient: for the mean it is
 * (softmax(z) − onehot(label))/N. Logits of ±1000 stay finite.
 *
 * <p>With label smoothing ε the target is no longer one-hot but (1 − ε)·onehot + ε/C, as in
 * PyTorch's {@code label_smoothing}:
 *
 * <pre>
 * loss_n = −(1 − ε)·log_softmax(z_n)[label_n] − (ε/C)·Σ_c log_softmax(z_n)[c]
 * </pre>
 *
 * <p>It penalizes confident scores: the loss is smallest when the label's probability is
 * 1 − ε + ε/C rather than 1.
 */
public final class CrossEntropyLoss implements Loss {

    private static final String NAME = "CrossEntropyLoss";

    private final Reduction reduction;
    private final double labelSmoothing;

    /** Cross-entropy averaged over the batch. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, 0);
    }

    /**
     * @param labelSmoothing share ε in [0, 1] of the target spread evenly over all classes; 0 gives
     *     the plain one-hot target
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        this.reduction = LossChecks.requireReduction(NAME, reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(NAME + ": label smoothing must be in [0, 1], got " + labelSmoothing
                    + "; 0 turns it off and 0.1 is a common choice");
        }
        this.labelSmoothing = labelSmoothing;
    }

    /** Share of the target spread over all classes, 0 for one-hot targets. */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * Computes the cross-entropy of {@code logits} [N, C] against {@code labels} [N].
     *
     * @throws IllegalArgumentException if the shapes break the contract, the logits are not
     *     float, or a label is not an integer in [0, C)
     */
    @Override
    public Tensor forward(Tensor logits, Tensor labels) {
        checkShapes(logits, labels);
        int classes = logits.dim(1);
        checkLabels(labels, classes);

        Tensor labelColumn = labels.detach().toType(logits.dataType()).reshape(labels.size(), 1);
        Tensor classRow = Tensor.arange(0, classes, 1, logits.dataType()).reshape(1, classes);
        Tensor oneHot = classRow.eq(labelColumn);

        Tensor logProbabilities = Softmax.logSoftmax(logits, 1);
        Tensor perSample = labelSmoothing == 0
                ? Tensor.where(oneHot, logProbabilities, 0).sum(1).neg()
                : smoothTarget(oneHot, classes).mul(logProbabilities).sum(1).neg();
        return reduction.apply(perSample);
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /** (1 − ε)·onehot + ε/C, from the 0/1 one-hot mask. */
    private Tensor smoothTarget(Tensor oneHot, int classes) {
        return oneHot.mul(1 - labelSmoothing).add(labelSmoothing / classes);
    }

    private static void checkShapes(Tensor logits, Tensor labels) {
        if (logits.rank() != 2 || labels.rank() != 1 || labels.dim(0) != logits.dim(0)) {
            throw new IllegalArgumentException(NAME + ": logits shape " + logits.shape() + " and labels shape "
                    + labels.shape() + " break the contract logits [N, C] with labels [N]");
        }
        LossChecks.requireFloat(NAME, "logits", logits);
    }

    /** Rejects the first label that is not an integer class index in [0, classes). */
    private static void checkLabels(Tensor labels, int classes) {
        boolean integerType = labels.dataType() == DataType.INT32;
        double[] values = labels.toDoubleArray();
        for (int position = 0; position < values.length; position++) {
            double label = values[position];
            String shown = integerType ? Integer.toString((int) label) : Double.toString(label);
            if (label != Math.rint(label)) {
                throw new IllegalArgumentException(NAME + ": label " + shown + " at position " + position
                        + " is not an integer; labels must be class indices in [0, " + classes + ")");
            }
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(NAME + ": label " + shown + " at position " + position
                        + " is outside [0, " + classes + ") for " + classes + " classes");
            }
        }
    }
}
