package org.cortexj.train;

import java.util.List;

/**
 * Outcome of {@link Trainer#fit}.
 *
 * @param history metrics of every epoch run, resumed epochs included
 * @param bestEpoch epoch whose network was kept
 * @param stoppedEarly whether early stopping ended the run
 * @param best evaluation of the kept network on the test set
 * @param seconds wall time of this call
 */
public record TrainingResult(List<EpochMetrics> history, int bestEpoch, boolean stoppedEarly,
                             EvaluationResult best, double seconds) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
