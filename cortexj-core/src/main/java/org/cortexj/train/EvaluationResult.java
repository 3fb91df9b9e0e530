package org.cortexj.train;

/**
 * Metrics of one pass over a dataset.
 *
 * @param loss mean cross-entropy per example
 * @param accuracy fraction of examples classified correctly
 * @param confusion counts of (true, predicted) pairs
 * @param examples number of examples evaluated
 */
public record EvaluationResult(double loss, double accuracy, ConfusionMatrix confusion, int examples) {
}
