package org.cortexj.peers;

import java.util.Arrays;
import java.util.List;

/** Median, minimum and maximum of a sample. */
record Statistics(double median, double min, double max, int count) {

    /**
     * Summarizes {@code values}; the median of an even count is the mean of the two middle values.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    static Statistics of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("statistics: need at least one value, got none");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Statistics(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
