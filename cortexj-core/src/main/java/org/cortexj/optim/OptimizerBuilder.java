package org.cortexj.optim;

import java.util.List;
import java.util.Map;
import org.cortexj.nn.Module;
import org.cortexj.nn.Parameter;

/**
 * Common end of the optimizer builders: the three ways to name the parameters to optimize.
 * Each {@code build} call checks the hyperparameters and returns a new optimizer.
 *
 * @param <T> the optimizer type built
 */
public abstract class OptimizerBuilder<T extends Optimizer> {

    /** Builds over a module's parameters, keyed by their dotted paths such as {@code conv1.weight}. */
    public final T build(Module module) {
        return build(module.namedParameters());
    }

    /**
     * Builds over a list of parameters, keyed by position and name such as {@code 0:weight}.
     * Saved state then fits only the same list order, so prefer {@link #build(Module)}.
     */
    public final T build(List<Parameter> parameters) {
        return build(NamedParameters.fromList(parameters));
    }

    /** Builds over parameters keyed by the given names, in the map's iteration order. */
    public abstract T build(Map<String, Parameter> parameters);
}
