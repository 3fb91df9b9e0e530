package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * The same value everywhere, such as zero biases. It draws nothing from the generator.
 *
 * @param value the value, finite
 */
public record ConstantInitializer(double value) implements Initializer {

    public ConstantInitializer {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("ConstantInitializer: value must be finite, got " + value);
        }
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        return Tensor.full(value, dataType, shape);
    }
}
