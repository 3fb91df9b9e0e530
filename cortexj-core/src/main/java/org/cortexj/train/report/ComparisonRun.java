package org.cortexj.train.report;

import java.util.List;
import org.cortexj.train.EpochMetrics;

/**
 * One training run of an activation comparison.
 *
 * @param activation activation name, for example {@code selu}
 * @param history metrics of every epoch of the run
 * @param bestEpoch epoch whose network was kept
 * @param bestAccuracy test accuracy of the kept network, a fraction
 * @param seconds wall time of the run
 */
public record ComparisonRun(String activation, List<EpochMetrics> history, int bestEpoch, double bestAccuracy,
                            double seconds) {

    public ComparisonRun {
        history = List.copyOf(history);
    }
}
