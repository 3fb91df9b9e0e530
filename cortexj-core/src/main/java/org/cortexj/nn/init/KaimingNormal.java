package org.cortexj.nn.init;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * He (Kaiming) normal initialization: values from N(0, σ²) with σ = gain/√fan, where fan is
 * fan_in or fan_out by {@code mode}. He et al. 2015, "Delving Deep into Rectifiers", derive
 * gain √2 for ReLU, the default in {@link Initializers#kaimingNormal(FanMode)}.
 *
 * @param mode which fan to divide by
 * @param gain scale factor, finite and > 0
 */
public record KaimingNormal(FanMode mode, double gain) implements Initializer {

    public KaimingNormal {
        InitChecks.positive("KaimingNormal", "gain", gain);
    }

    @Override
    public Tensor create(Generator generator, DataType dataType, int... shape) {
        long fan = InitChecks.nonZeroFan("KaimingNormal", mode.name().toLowerCase(), Fan.of(shape).get(mode), shape);
        return Tensor.normal(generator, 0, gain / Math.sqrt(fan), dataType, shape);
    }
}
