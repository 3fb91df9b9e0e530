package org.cortexj.train;

/**
 * An evaluation together with the per-example predictions it was computed from, both from the
 * same pass, so the confusion counts and the predictions agree exactly.
 *
 * @param result loss, accuracy and confusion matrix
 * @param predictions true class, predicted class and probabilities of each example, in dataset order
 */
public record DetailedEvaluation(EvaluationResult result, Predictions predictions) {
}
