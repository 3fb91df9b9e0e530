package org.cortexj.nn.activations;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Activations;
import org.cortexj.tensor.Tensor;

/**
 * The elementwise activations by name, with their default parameters, for networks described
 * as data (for example a configuration that lists layer sizes and one activation).
 *
 * <pre>{@code
 * Module hidden = Activation.SELU.create();   // same as new SELU()
 * Tensor y = Activation.RELU.apply(x);         // same as Activations.relu(x)
 * }</pre>
 */
public enum Activation {
    SELU(Activations::selu, org.cortexj.nn.activations.SELU::new),
    ELU(Activations::elu, org.cortexj.nn.activations.ELU::new),
    RELU(Activations::relu, ReLU::new),
    LEAKY_RELU(Activations::leakyRelu, LeakyReLU::new),
    SIGMOID(Activations::sigmoid, Sigmoid::new),
    TANH(Activations::tanh, Tanh::new),
    SOFTPLUS(Activations::softplus, Softplus::new),
    SILU(Activations::silu, SiLU::new),
    GELU(Activations::gelu, org.cortexj.nn.activations.GELU::new);

    private final UnaryOperator<Tensor> function;
    private final Supplier<Module> constructor;

    Activation(UnaryOperator<Tensor> function, Supplier<Module> constructor) {
        this.function = function;
        this.constructor = constructor;
    }

    /** Returns a new module computing this activation with its default parameters. */
    public Module create() {
        return constructor.get();
    }

    /** Applies this activation with its default parameters; same shape and type out. */
    public Tensor apply(Tensor input) {
        return function.apply(input);
    }
}
