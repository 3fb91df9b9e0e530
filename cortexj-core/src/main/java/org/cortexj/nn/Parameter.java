package org.cortexj.nn;

import org.cortexj.tensor.Tensor;

/**
 * A trainable tensor of a module: a leaf that requires gradients. Optimizers update
 * {@link #value()} in place and read {@link #grad()}.
 */
public final class Parameter {

    private final String name;
    private final Tensor value;

    /**
     * @param name name within its module, such as {@code weight}
     * @param value realized float tensor; it is marked as requiring gradients
     */
    public Parameter(String name, Tensor value) {
        if (!value.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException("Parameter " + name + ": needs a float32 or float64 tensor, got "
                    + value.dataType());
        }
        this.name = name;
        this.value = value.realize();
        this.value.setRequiresGrad(true);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** Accumulated gradient after a backward pass, or null. */
    public Tensor grad() {
        return value.grad();
    }

    public void zeroGrad() {
        value.setGrad(null);
    }

    @Override
    public String toString() {
        return "Parameter " + name + " " + value.shape() + " " + value.dataType();
    }
}
