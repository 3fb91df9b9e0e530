package org.cortexj.nn.init;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * A rule for the initial values of a weight tensor. Implementations draw every value from the
 * given {@link Generator}, so the same seed, shape and data type give the same tensor.
 * {@link Initializers} lists the standard rules.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * Creates a new tensor of initial values.
     *
     * @throws IllegalArgumentException if the rule cannot apply to {@code shape}, for example a
     *     fan-based rule on a tensor with fewer than 2 axes or a zero fan
     */
    Tensor create(Generator generator, DataType dataType, int... shape);

    /**
     * Overwrites {@code target} in place with new initial values of its shape and data type.
     * Gradient recording is off during the write, so a parameter can be re-initialized.
     */
    default void fill(Tensor target, Generator generator) {
        Tensor values = create(generator, target.dataType(), target.shape().dims());
        try (GradMode.Scope ignored = GradMode.disable()) {
            target.assign(values);
        }
    }
}
