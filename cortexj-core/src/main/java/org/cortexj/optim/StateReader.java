package org.cortexj.optim;

import java.util.Set;
import java.util.TreeSet;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Reads one parameter's saved state during a restore and rejects anything that does not fit
 * the parameter: missing or unexpected entries, wrong shapes, invalid counts. Messages start
 * with {@code "<optimizer> state for <parameter name>: "}.
 */
final class StateReader {

    private final String context;
    private final Parameter parameter;
    private final ParameterState state;

    StateReader(String optimizer, String parameterName, Parameter parameter, ParameterState state) {
        this.context = optimizer + " state for " + parameterName + ": ";
        this.parameter = parameter;
        this.state = state;
    }

    /** Rejects the state unless its tensor and scalar names are exactly the expected ones. */
    StateReader expectNames(Set<String> tensorNames, Set<String> scalarNames) {
        checkNames("tensor", state.tensors().keySet(), tensorNames);
        checkNames("scalar", state.scalars().keySet(), scalarNames);
        return this;
    }

    private void checkNames(String kind, Set<String> found, Set<String> expected) {
        for (String name : expected) {
            if (!found.contains(name)) {
                throw new IllegalArgumentException(context + "missing " + kind + " " + name + "; expected "
                        + kind + "s " + new TreeSet<>(expected) + ", found " + new TreeSet<>(found));
            }
        }
        for (String name : found) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException(context + "unexpected " + kind + " " + name + "; expected "
                        + kind + "s " + new TreeSet<>(expected) + ", found " + new TreeSet<>(found)
                        + " (was the state saved with other settings?)");
            }
        }
    }

    /**
     * Returns a contiguous copy of a saved tensor in the parameter's data type, after checking
     * that it has the parameter's shape.
     */
    Tensor tensor(String name) {
        Tensor saved = state.tensor(name);
        if (!saved.shape().equals(parameter.value().shape())) {
            throw new IllegalArgumentException(context + "expected shape " + parameter.value().shape() + " for "
                    + name + ", found " + saved.shape());
        }
        if (!saved.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(context + "expected a float32 or float64 tensor for " + name
                    + ", found " + saved.dataType());
        }
        return parameter.value().zerosLike().assign(saved);
    }

    /** Returns a saved count after checking that it is a whole number >= {@code minimum}. */
    long count(String name, long minimum) {
        double value = state.scalar(name);
        if (!(value >= minimum) || value != Math.rint(value) || value > 0x1p53) {
            throw new IllegalArgumentException(context + name + " must be a whole number >= " + minimum
                    + ", got " + value);
        }
        return (long) value;
    }
}
