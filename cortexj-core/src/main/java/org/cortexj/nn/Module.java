package org.cortexj.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.tensor.Tensor;

/**
 * Base type of layers and networks: a function of one tensor with named parameters, child
 * modules, and a training or evaluation mode.
 *
 * <p>Subclasses register parameters and children in their constructor with
 * {@link #addParameter} and {@link #addChild}. Modules start in training mode; {@link #eval()}
 * switches this module and all its children, which turns off dropout and makes batch
 * normalization use its running statistics. Inference through {@link #forward} in evaluation
 * mode never changes a module.
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private volatile boolean training = true;

    /** Computes the output for one batch. */
    public abstract Tensor forward(Tensor input);

    protected final Parameter addParameter(String name, Tensor value) {
        checkName(name);
        Parameter parameter = new Parameter(name, value);
        parameters.put(name, parameter);
        return parameter;
    }

    protected final <M extends Module> M addChild(String name, M child) {
        checkName(name);
        children.put(name, child);
        return child;
    }

    /**
     * Registers state that is saved with the module but not trained, such as batch
     * normalization's running mean.
     */
    protected final Tensor addBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value.realize());
        return value;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + name
                    + "'; names must be non-empty and must not contain '.'");
        }
        if (parameters.containsKey(name) || children.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already used");
        }
    }

    /** Parameters of this module and its children, keyed by dotted path such as {@code 0.weight}. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> result = new LinkedHashMap<>();
        collectParameters("", result);
        return result;
    }

    private void collectParameters(String prefix, Map<String, Parameter> result) {
        parameters.forEach((name, parameter) -> result.put(prefix + name, parameter));
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", result));
    }

    /** Parameters of this module and its children, in registration order. */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Non-trained state of this module and its children, keyed by dotted path. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> result = new LinkedHashMap<>();
        collectBuffers("", result);
        return result;
    }

    private void collectBuffers(String prefix, Map<String, Tensor> result) {
        buffers.forEach((name, buffer) -> result.put(prefix + name, buffer));
        children.forEach((name, child) -> child.collectBuffers(prefix + name + ".", result));
    }

    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of trainable scalars. */
    public final long parameterCount() {
        long count = 0;
        for (Parameter parameter : parameters()) {
            count += parameter.value().size();
        }
        return count;
    }

    public final boolean isTraining() {
        return training;
    }

    /** Switches this module and its children to training mode. */
    public final Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and its children to evaluation mode. */
    public final Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean value) {
        training = value;
        for (Module child : children.values()) {
            child.setTraining(value);
        }
    }

    /** Clears the gradients of every parameter. */
    public final void zeroGrad() {
        for (Parameter parameter : parameters()) {
            parameter.zeroGrad();
        }
    }
}
