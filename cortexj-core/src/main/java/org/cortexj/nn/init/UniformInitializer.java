package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Values from U(low, high), for tensors of any shape, biases included.
 *
 * @param low smallest value, inclusive
 * @param high largest value, exclusive, finite and > low
 */
public record UniformInitializer(double low, double high) implements Initializer {

    public UniformInitializer {
        if (!(low < high) || Double.isInfinite(high - low)) {
            throw new IllegalArgumentException("UniformInitializer: need finite low < high, got low " + low
                    + ", high " + high);
        }
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        return Tensor.uniform(generator, low, high, dataType, shape);
    }
}
