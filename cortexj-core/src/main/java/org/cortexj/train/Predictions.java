package org.cortexj.train;

import java.util.Arrays;

/**
 * Per-example outputs of one evaluation pass: the true class, the predicted class and the
 * predicted probability of every class, for each example in dataset order.
 *
 * <p>The predicted class is the first largest logit, the same rule the confusion matrix of the
 * pass uses, so the two always agree. Probabilities are the softmax of the logits in float32;
 * each row sums to 1 within float rounding.
 */
public final class Predictions {

    private final int classes;
    private final int[] labels;
    private final int[] predicted;
    private final float[] probabilities;

    /**
     * @param classes number of classes, at least 1
     * @param labels true class of each example
     * @param predicted predicted class of each example, same length as {@code labels}
     * @param probabilities row-major [examples, classes]
     */
    public Predictions(int classes, int[] labels, int[] predicted, float[] probabilities) {
        if (classes < 1 || labels.length != predicted.length || (long) labels.length * classes != probabilities.length) {
            throw new IllegalArgumentException("Predictions: need classes >= 1, one prediction per label and "
                    + "labels x classes probabilities; got " + classes + " classes, " + labels.length + " labels, "
                    + predicted.length + " predictions, " + probabilities.length + " probabilities");
        }
        this.classes = classes;
        this.labels = labels.clone();
        this.predicted = predicted.clone();
        this.probabilities = probabilities.clone();
    }

    public int classes() {
        return classes;
    }

    public int size() {
        return labels.length;
    }

    public int label(int example) {
        return labels[example];
    }

    public int predicted(int example) {
        return predicted[example];
    }

    /** Returns the predicted probability that {@code example} belongs to class {@code c}. */
    public float probability(int example, int c) {
        return probabilities[example * classes + c];
    }

    /** Returns the probability of the predicted class, which measures how sure the network was. */
    public float confidence(int example) {
        return probability(example, predicted[example]);
    }

    /** Returns a copy of the probabilities of one example, indexed by class. */
    public float[] probabilities(int example) {
        return Arrays.copyOfRange(probabilities, example * classes, (example + 1) * classes);
    }
}
