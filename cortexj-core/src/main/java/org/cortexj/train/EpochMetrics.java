package org.cortexj.train;

/**
 * What one epoch produced.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches, in training mode: cross-entropy, against the
 *     smoothed targets when label smoothing is on
 * @param trainAccuracy fraction of training examples classified correctly during the epoch
 * @param testLoss mean cross-entropy on the test set after the epoch, in evaluation mode
 * @param testAccuracy fraction of test examples classified correctly after the epoch
 * @param learningRate learning rate at the epoch's last step
 * @param seconds wall time of the epoch's training, without evaluation
 * @param imagesPerSecond training examples per second of the epoch
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double learningRate, double seconds, double imagesPerSecond) {
}
