package org.cortexj.train.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from {@code min} to {@code max} with ticks every {@code step}, where the step
 * is 1, 2 or 5 times a power of ten, so tick labels are round numbers.
 *
 * @param min value at the start of the axis
 * @param max value at the end of the axis, greater than {@code min}
 * @param step distance between ticks, > 0
 */
public record AxisScale(double min, double max, double step) {

    public AxisScale {
        if (!(max > min) || !(step > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("AxisScale: need finite min < max and step > 0, got min " + min
                    + ", max " + max + ", step " + step);
        }
    }

    /**
     * Creates an axis that covers [low, high] with about {@code targetTicks} ticks, its ends rounded out
     * to whole steps. Equal ends are widened to a range around the value.
     */
    public static AxisScale covering(double low, double high, int targetTicks) {
        checkRange(low, high);
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / Math.max(1, targetTicks));
        return new AxisScale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    /**
     * Creates an axis for whole numbers such as epochs that ends at {@code low} and {@code high} themselves,
     * or half a unit around the value when they are equal, with a whole-number step.
     */
    public static AxisScale wholeNumbers(double low, double high, int targetTicks) {
        checkRange(low, high);
        if (low == high) {
            return new AxisScale(low - 0.5, high + 0.5, 1);
        }
        double step = Math.max(1, niceStep((high - low) / Math.max(1, targetTicks)));
        return new AxisScale(low, high, step);
    }

    /** Returns the tick values: every multiple of {@code step} within [min, max]. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** Maps a value linearly from [min, max] to [start, end]; values outside map outside. */
    public double position(double value, double start, double end) {
        return start + (value - min) / (max - min) * (end - start);
    }

    /** Formats a tick label with as many decimals as the step needs, such as {@code 0.5} or {@code 40}. */
    public String label(double value) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    /** Returns the smallest of 1, 2 or 5 times a power of ten that is at least {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        for (double factor : new double[] {1, 2, 5}) {
            if (residual <= factor) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void checkRange(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("AxisScale: need finite low <= high, got " + low + " and " + high);
        }
    }
}
