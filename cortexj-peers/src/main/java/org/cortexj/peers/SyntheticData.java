package org.cortexj.peers;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/** The random input of the throughput measurements, the same values for every system. */
final class SyntheticData {

    private SyntheticData() {
    }

    /** Returns {@code count} images of 1 x 28 x 28 values uniform in [0, 1), row-major. */
    static float[] images(int count, long seed) {
        return Tensor.uniform(new Generator(seed), 0, 1, DataType.FLOAT32, count, 1, 28, 28).toFloatArray();
    }

    /** Returns the labels 0, 1, ..., 9, 0, 1, ... for {@code count} images. */
    static int[] labels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }
}
