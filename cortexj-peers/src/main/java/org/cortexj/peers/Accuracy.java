package org.cortexj.peers;

/** Counts correct predictions from logits, the same way for every system. */
final class Accuracy {

    private Accuracy() {
    }

    /**
     * Returns how many rows of {@code logits} (row-major, {@code classes} per row) have their
     * largest value at the index {@code labels} gives; the first maximum wins a tie.
     *
     * @throws IllegalArgumentException if the logits do not hold one row of {@code classes} per label
     */
    static int countCorrect(float[] logits, int[] labels, int classes) {
        if (classes < 1 || logits.length != (long) labels.length * classes) {
            throw new IllegalArgumentException("accuracy: logits have " + logits.length + " values, expected "
                    + labels.length + " labels x " + classes + " classes");
        }
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            if (argmax(logits, row * classes, classes) == labels[row]) {
                correct++;
            }
        }
        return correct;
    }

    private static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
