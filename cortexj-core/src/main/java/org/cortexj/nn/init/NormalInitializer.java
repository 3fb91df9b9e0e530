package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Values from N(mean, std²), for tensors of any shape.
 *
 * @param mean mean, finite
 * @param std standard deviation, finite and >= 0
 */
public record NormalInitializer(double mean, double std) implements Initializer {

    public NormalInitializer {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("NormalInitializer: mean must be finite, got " + mean);
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("NormalInitializer: std must be finite and >= 0, got " + std);
        }
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        return Tensor.normal(generator, mean, std, dataType, shape);
    }
}
