package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * LeCun normal initialization: values from N(0, σ²) with σ = 1/√fan_in.
 *
 * <p>This is the initialization for layers that feed SELU: Klambauer et al. 2017,
 * "Self-Normalizing Neural Networks", show that with it SELU networks keep activations near
 * mean 0 and variance 1. Plain normal, not truncated.
 */
public record LecunNormal() implements Initializer {

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        long fanIn = InitChecks.nonZeroFan("LecunNormal", "fan_in", Fan.of(shape).fanIn(), shape);
        return Tensor.normal(generator, 0, 1 / Math.sqrt(fanIn), dataType, shape);
    }
}
