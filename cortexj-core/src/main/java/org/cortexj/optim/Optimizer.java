package org.cortexj.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Base class of gradient-descent optimizers: it owns a fixed, named set of parameters and
 * updates them in place from their accumulated gradients.
 *
 * <p>A training step is {@code zeroGrad()}, forward pass, {@code loss.backward()}, then
 * {@link #step()}. Hyperparameters are checked once when the optimizer is built, and only the
 * learning rate changes afterwards, usually through a
 * {@link org.cortexj.optim.schedule.LearningRateSchedule}. Parameters are keyed by name, and
 * {@link #state()} and {@link #loadState} use those names to save and restore per-parameter
 * state such as momentum buffers. Instances are not thread safe.
 */
public abstract class Optimizer {

    private final String name;
    private final Map<String, Parameter> parameters;
    private double learningRate;
    private long stepCount;

    /**
     * @param name optimizer type used in messages and saved state, such as {@code Adam}
     * @param parameters parameters by name, in update order. The map must not be empty and must
     *     contain each parameter once
     * @param learningRate initial learning rate, finite and >= 0
     * @throws IllegalArgumentException if {@code parameters} or {@code learningRate} is invalid
     */
    protected Optimizer(String name, Map<String, Parameter> parameters, double learningRate) {
        this.name = name;
        this.parameters = NamedParameters.checked(name, parameters);
        this.learningRate = Hyperparameters.learningRate(name, learningRate);
    }

    /**
     * Applies one update to every parameter that has a gradient and leaves the others, and
     * their state, untouched. Updates run with gradient recording off, so they never enter an
     * autograd graph, and write each parameter's elements in place.
     *
     * @throws IllegalArgumentException if a gradient's data type differs from its parameter's,
     *     detected before any parameter changes
     */
    public final void step() {
        Map<String, Tensor> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            Tensor gradient = entry.getValue().grad();
            if (gradient != null) {
                checkGradient(entry.getKey(), entry.getValue(), gradient);
                gradients.put(entry.getKey(), gradient);
            }
        }

        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Map.Entry<String, Tensor> entry : gradients.entrySet()) {
                update(entry.getKey(), parameters.get(entry.getKey()).value(), entry.getValue());
            }
        }
        stepCount++;
    }

    private void checkGradient(String parameterName, Parameter parameter, Tensor gradient) {
        if (gradient.dataType() != parameter.value().dataType()) {
            throw new IllegalArgumentException(name + ": gradient of " + parameterName + " is "
                    + gradient.dataType() + " but the parameter is " + parameter.value().dataType()
                    + "; compute the loss in the parameter's data type");
        }
    }

    /**
     * Updates one parameter in place. Called by {@link #step()} with gradient recording off.
     *
     * @param parameterName the parameter's key, for per-parameter state
     * @param parameter the parameter's tensor, to be written in place
     * @param gradient its gradient, with the parameter's shape and data type
     */
    protected abstract void update(String parameterName, Tensor parameter, Tensor gradient);

    /** Clears the gradient of every managed parameter. */
    public final void zeroGrad() {
        for (Parameter parameter : parameters.values()) {
            parameter.zeroGrad();
        }
    }

    /** Optimizer type, such as {@code Adam}, as used in messages and saved state. */
    public final String name() {
        return name;
    }

    /** Managed parameters by name, in update order. */
    public final Map<String, Parameter> parameters() {
        return parameters;
    }

    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate used by the following steps.
     *
     * @throws IllegalArgumentException if {@code value} is negative, infinite or NaN
     */
    public final void setLearningRate(double value) {
        this.learningRate = Hyperparameters.learningRate(name, value);
    }

    /** Number of completed {@link #step()} calls, including calls in which no parameter had a gradient. */
    public final long stepCount() {
        return stepCount;
    }

    /** Returns a snapshot of the step count, the learning rate and every parameter's state. */
    public final OptimizerState state() {
        return new OptimizerState(name, stepCount, learningRate, saveParameterStates());
    }

    /**
     * Replaces this optimizer's state with a snapshot from {@link #state()}, possibly of another
     * instance built over parameters with the same names and shapes. Parameters that have no
     * entry in the snapshot lose their state. Everything is checked before anything changes, so
     * a rejected snapshot leaves this optimizer as it was.
     *
     * @throws IllegalArgumentException if the snapshot comes from another optimizer type, names
     *     an unknown parameter, lacks or adds a state entry, or has a tensor whose shape differs
     *     from its parameter's
     */
    public final void loadState(OptimizerState state) {
        if (!state.optimizer().equals(name)) {
            throw new IllegalArgumentException(name + ": cannot load state saved by " + state.optimizer()
                    + "; state loads only into the optimizer type that saved it");
        }
        for (String parameterName : state.parameters().keySet()) {
            if (!parameters.containsKey(parameterName)) {
                throw new IllegalArgumentException(name + ": state names parameter " + parameterName
                        + ", which this optimizer does not manage; it manages " + parameters.keySet());
            }
        }
        double restoredRate = Hyperparameters.learningRate(name, state.learningRate());
        restoreParameterStates(new LinkedHashMap<>(state.parameters()));
        this.learningRate = restoredRate;
        this.stepCount = state.stepCount();
    }

    /**
     * Returns copies of the per-parameter state, keyed by parameter name, for parameters that
     * have state.
     */
    protected abstract Map<String, ParameterState> saveParameterStates();

    /**
     * Replaces all per-parameter state with {@code states}, whose keys are known parameter
     * names. Implementations check every entry before they change anything, and copy the
     * tensors they keep.
     */
    protected abstract void restoreParameterStates(Map<String, ParameterState> states);

    @Override
    public String toString() {
        return name + " over " + parameters.size() + " parameters, learning rate " + learningRate
                + ", " + stepCount + " steps";
    }
}
