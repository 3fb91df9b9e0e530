package org.cortexj.nn.functional;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/** Seeded random inputs for the convolution, pooling and layer tests. */
public final class RandomTensors {

    private RandomTensors() {
    }

    /** Returns standard-normal float64 values drawn from {@code new Generator(seed)}. */
    public static Tensor randomNormal(long seed, int... shape) {
        return Tensor.normal(new Generator(seed), 0, 1, DataType.FLOAT64, shape);
    }
}
