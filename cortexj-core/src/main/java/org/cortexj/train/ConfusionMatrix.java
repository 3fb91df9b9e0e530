package org.cortexj.train;

import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs: rows are true classes, columns predictions.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("ConfusionMatrix: classes must be >= 1, got " + classes);
        }
        this.counts = new long[classes][classes];
    }

    /** Builds a matrix from stored counts, rows = true class. */
    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix matrix = new ConfusionMatrix(counts.length);
        for (int row = 0; row < counts.length; row++) {
            if (counts[row].length != counts.length) {
                throw new IllegalArgumentException("ConfusionMatrix: row " + row + " has " + counts[row].length
                        + " columns, expected " + counts.length);
            }
            System.arraycopy(counts[row], 0, matrix.counts[row], 0, counts.length);
        }
        return matrix;
    }

    public int classes() {
        return counts.length;
    }

    public void add(int trueClass, int predictedClass) {
        counts[trueClass][predictedClass]++;
    }

    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    public long correct() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return correct;
    }

    /** Fraction of examples whose prediction is their true class; NaN when empty. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** Of the examples predicted as c, the fraction that truly are c; NaN if none was predicted. */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** Of the examples of class c, the fraction predicted as c; NaN if the class has none. */
    public double recall(int c) {
        long actual = 0;
        for (long count : counts[c]) {
            actual += count;
        }
        return actual == 0 ? Double.NaN : (double) counts[c][c] / actual;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** A copy of the counts, rows = true class. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    /** The matrix as aligned text with a header row of predicted classes. */
    public String format() {
        int width = Math.max(5, Long.toString(total()).length() + 1);
        StringBuilder text = new StringBuilder("true \\ predicted\n      ");
        for (int c = 0; c < counts.length; c++) {
            text.append(String.format(Locale.ROOT, "%" + width + "d", c));
        }
        text.append('\n');
        for (int row = 0; row < counts.length; row++) {
            text.append(String.format(Locale.ROOT, "%6d", row));
            for (long count : counts[row]) {
                text.append(String.format(Locale.ROOT, "%" + width + "d", count));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Per-class precision, recall and F1 as an aligned table. */
    public String formatPerClass() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%5s %9s %9s %9s %8s%n", "class",
                "precision", "recall", "f1", "support"));
        for (int c = 0; c < counts.length; c++) {
            long support = 0;
            for (long count : counts[c]) {
                support += count;
            }
            text.append(String.format(Locale.ROOT, "%5d %9.4f %9.4f %9.4f %8d%n", c, precision(c), recall(c), f1(c),
                    support));
        }
        return text.toString();
    }
}
