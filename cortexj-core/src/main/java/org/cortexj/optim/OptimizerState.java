package org.cortexj.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an optimizer's state in a form that a file writer can store: the optimizer's
 * type, its step count and learning rate, and named tensors and scalars for each parameter
 * that has state.
 *
 * <p>Parameters are keyed by the names the optimizer was built with (for a module, dotted
 * paths such as {@code conv1.weight}). A parameter that never received a gradient has no entry.
 * The tensors are copies, so later optimizer steps do not change a saved snapshot.
 *
 * @param optimizer type of the optimizer that saved the state, such as {@code Adam}. Restoring
 *     into another type fails
 * @param stepCount number of {@link Optimizer#step()} calls completed
 * @param learningRate learning rate at the time of the snapshot
 * @param parameters per-parameter state by parameter name, in the optimizer's order
 */
public record OptimizerState(String optimizer, long stepCount, double learningRate,
                             Map<String, ParameterState> parameters) {

    public OptimizerState {
        Objects.requireNonNull(optimizer, "optimizer");
        if (stepCount < 0) {
            throw new IllegalArgumentException("OptimizerState: stepCount must be >= 0, got " + stepCount);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
