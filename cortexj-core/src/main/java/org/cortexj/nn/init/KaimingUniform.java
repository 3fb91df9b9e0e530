package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * He (Kaiming) uniform initialization: values from U(−b, b) with b = gain·√(3/fan), so the
 * standard deviation is gain/√fan, as in {@link KaimingNormal}. Fan is fan_in or fan_out by
 * {@code mode}, and gain √2 suits ReLU.
 *
 * @param mode which fan to divide by
 * @param gain scale factor, finite and > 0
 */
public record KaimingUniform(FanMode mode, double gain) implements Initializer {

    public KaimingUniform {
        InitChecks.positive("KaimingUniform", "gain", gain);
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        long fan = InitChecks.nonZeroFan("KaimingUniform", mode.name().toLowerCase(), Fan.of(shape).get(mode), shape);
        double bound = gain * Math.sqrt(3.0 / fan);
        return Tensor.uniform(generator, -bound, bound, dataType, shape);
    }
}
