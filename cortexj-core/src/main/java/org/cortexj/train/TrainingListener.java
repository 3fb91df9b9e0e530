package org.cortexj.train;

/**
 * Hooks into a training run. All methods have empty defaults; the trainer calls them on its own
 * thread, in order.
 */
public interface TrainingListener {

    /** Called once before the first epoch (or the first resumed epoch). */
    default void onStart(TrainingSettings settings, int firstEpoch, long parameters, String backend) {
    }

    /**
     * Called after every optimizer step.
     *
     * @param batch 1-based batch number within the epoch
     * @param batches batches in the epoch
     * @param examples training examples processed so far in the epoch
     * @param loss mean loss of this batch
     */
    default void onBatch(int epoch, int batch, int batches, long examples, double loss, double imagesPerSecond) {
    }

    /** Called after each epoch's evaluation. */
    default void onEpochEnd(EpochMetrics metrics, boolean improved) {
    }

    /** Called once when training ends normally. */
    default void onEnd(TrainingResult result) {
    }
}
