package org.cortexj.peers;

/**
 * The seed network with Adam at learning rate 1e-3, in one library. Its layers are conv 5x5 with
 * 20 filters, max-pool 2x2 stride 2, SELU, conv 5x5 with 50 filters, max-pool 2x2 stride 2, SELU,
 * linear 1000, dropout dropping 0.6 and linear 10, trained with softmax cross-entropy. Both
 * implementations start from the weights {@link SeedWeights} draws, so a seed gives the same
 * starting network in each.
 */
interface SeedSystem extends AutoCloseable {

    /** Returns one line naming the library, its version and its thread settings. */
    String description();

    /**
     * Copies a batch into the library's own tensors once, so repeated steps on it measure no
     * conversion.
     *
     * @param images {@code count} images of 1 x 28 x 28 float32 values, row-major
     * @param labels {@code count} class indices in [0, 10)
     */
    PreparedBatch prepare(float[] images, int[] labels, int count);

    /**
     * Runs one training step (forward in training mode, softmax cross-entropy averaged over the
     * batch, backward, Adam update) and returns the loss before the update.
     */
    double trainStep(PreparedBatch batch);

    /**
     * Runs the network in evaluation mode (dropout off) without recording gradients and returns
     * the logits, {@code count} rows of 10, row-major.
     */
    float[] infer(PreparedBatch batch);

    @Override
    void close();

    /** A batch held in one library's tensors; close it to free native memory. */
    interface PreparedBatch extends AutoCloseable {

        int size();

        @Override
        default void close() {
        }
    }
}
