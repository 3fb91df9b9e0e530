package org.cortexj.train.report;

/**
 * One line of a line chart.
 *
 * @param key short identifier written into the SVG as {@code data-series}, for example {@code train}
 * @param name legend text
 * @param color line and marker color
 * @param dashed whether the line is dashed
 * @param x x values in drawing order
 * @param y y values, same length as {@code x}; a non-finite value leaves a gap and gets no marker
 */
public record Series(String key, String name, Rgb color, boolean dashed, double[] x, double[] y) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series " + key + ": " + x.length + " x values but " + y.length
                    + " y values; give one y per x");
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** Number of points with a finite y value, which is the number of markers drawn. */
    public int finitePoints() {
        int count = 0;
        for (double value : y) {
            if (Double.isFinite(value)) {
                count++;
            }
        }
        return count;
    }
}
