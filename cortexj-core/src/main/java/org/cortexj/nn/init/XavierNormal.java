package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Xavier (Glorot) normal initialization: values from N(0, σ²) with
 * σ = gain·√(2/(fan_in + fan_out)). Glorot and Bengio 2010, "Understanding the difficulty of
 * training deep feedforward neural networks", average the two fans to balance the forward and
 * backward variance. Gain 1 suits tanh and linear layers.
 *
 * @param gain scale factor, finite and > 0
 */
public record XavierNormal(double gain) implements Initializer {

    public XavierNormal {
        InitChecks.positive("XavierNormal", "gain", gain);
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        Fan fan = Fan.of(shape);
        long fanSum = InitChecks.nonZeroFan("XavierNormal", "fan_in + fan_out", fan.fanIn() + fan.fanOut(), shape);
        return Tensor.normal(generator, 0, gain * Math.sqrt(2.0 / fanSum), dataType, shape);
    }
}
