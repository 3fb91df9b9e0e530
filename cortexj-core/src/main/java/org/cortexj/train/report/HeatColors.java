package org.cortexj.train.report;

/**
 * Fill colors of confusion-matrix cells. Correct predictions (the diagonal) shade from white to
 * dark blue and errors from white to dark red. Both use a logarithmic scale, log(1 + count)
 * over log(1 + largest count of the same kind), because the diagonal is usually a hundred times
 * larger than any error and a linear scale would leave every error cell white.
 */
public final class HeatColors {

    static final Rgb EMPTY = Rgb.hex("#f6f6f6");
    private static final Rgb LIGHT = Rgb.hex("#ffffff");
    private static final Rgb CORRECT = Rgb.hex("#08306b");
    private static final Rgb WRONG = Rgb.hex("#8b0a0a");
    private static final Rgb DARK_TEXT = Rgb.hex("#1a1a1a");
    private static final Rgb LIGHT_TEXT = Rgb.hex("#ffffff");

    private HeatColors() {
    }

    /**
     * Shade in [0, 1] of a count against the largest count of its kind; 0 for a zero count.
     *
     * @param largest largest count of the same kind (diagonal or not), at least {@code count}
     */
    public static double intensity(long count, long largest) {
        if (count <= 0 || largest <= 0) {
            return 0;
        }
        return Math.log1p(count) / Math.log1p(largest);
    }

    /** Returns the fill of a cell; {@code diagonal} is true for cells that count correct predictions. */
    public static Rgb fill(long count, long largest, boolean diagonal) {
        if (count == 0) {
            return EMPTY;
        }
        // Starts at 15 % so that a count of 1 is visibly different from an empty cell.
        double t = 0.15 + 0.85 * intensity(count, largest);
        return LIGHT.blend(diagonal ? CORRECT : WRONG, t);
    }

    /** Returns a text color that stays readable on {@code fill}. */
    public static Rgb textOn(Rgb fill) {
        return fill.luminance() < 0.5 ? LIGHT_TEXT : DARK_TEXT;
    }
}
