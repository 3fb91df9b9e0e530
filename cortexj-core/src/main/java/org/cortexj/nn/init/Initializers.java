package org.cortexj.nn.init;

/**
 * The standard weight initializers with their usual settings. Each method returns an
 * immutable {@link Initializer}. The records it returns also accept other settings.
 *
 * <pre>{@code
 * Generator generator = new Generator(42);
 * Tensor weight = Initializers.lecunNormal().create(generator, DataType.FLOAT32, 20, 1, 5, 5);
 * }</pre>
 */
public final class Initializers {

    /** Gain √2 for ReLU layers, from He et al. 2015. */
    public static final double RELU_GAIN = Math.sqrt(2.0);

    private Initializers() {
    }

    /** N(0, 1/fan_in): the initialization for layers that feed SELU. */
    public static Initializer lecunNormal() {
        return new LecunNormal();
    }

    /** He normal: N(0, 2/fan) for ReLU layers; fan by {@code mode}. */
    public static Initializer kaimingNormal(FanMode mode) {
        return new KaimingNormal(mode, RELU_GAIN);
    }

    /** He uniform: U(−√(6/fan), √(6/fan)) for ReLU layers; fan by {@code mode}. */
    public static Initializer kaimingUniform(FanMode mode) {
        return new KaimingUniform(mode, RELU_GAIN);
    }

    /** Glorot normal: N(0, 2/(fan_in + fan_out)). */
    public static Initializer xavierNormal() {
        return new XavierNormal(1);
    }

    /** Glorot uniform: U(−b, b) with b = √(6/(fan_in + fan_out)). */
    public static Initializer xavierUniform() {
        return new XavierUniform(1);
    }

    /** U(low, high) for any shape. */
    public static Initializer uniform(double low, double high) {
        return new UniformInitializer(low, high);
    }

    /** N(mean, std²) for any shape. */
    public static Initializer normal(double mean, double std) {
        return new NormalInitializer(mean, std);
    }

    /** Returns an initializer that writes zeros, as for biases. */
    public static Initializer zeros() {
        return new ConstantInitializer(0);
    }

    /** Returns an initializer that writes {@code value} into every element. */
    public static Initializer constant(double value) {
        return new ConstantInitializer(value);
    }
}
