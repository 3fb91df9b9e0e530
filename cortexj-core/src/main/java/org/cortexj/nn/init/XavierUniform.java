package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Xavier (Glorot) uniform initialization: values from U(−b, b) with
 * b = gain·√(6/(fan_in + fan_out)), so the standard deviation is that of {@link XavierNormal}.
 *
 * @param gain scale factor, finite and > 0
 */
public record XavierUniform(double gain) implements Initializer {

    public XavierUniform {
        InitChecks.positive("XavierUniform", "gain", gain);
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        Fan fan = Fan.of(shape);
        long fanSum = InitChecks.nonZeroFan("XavierUniform", "fan_in + fan_out", fan.fanIn() + fan.fanOut(), shape);
        double bound = gain * Math.sqrt(6.0 / fanSum);
        return Tensor.uniform(generator, -bound, bound, dataType, shape);
    }
}
