package org.cortexj.data;

import org.cortexj.tensor.Tensor;

/**
 * One batch of examples.
 *
 * @param images float32 tensor [batch, channels, height, width], normalized
 * @param labels int32 tensor [batch] of class indices
 * @param indices positions of the examples in their dataset
 */
public record Batch(Tensor images, Tensor labels, int[] indices) {

    public int size() {
        return indices.length;
    }
}
