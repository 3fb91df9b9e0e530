package org.cortexj.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.tensor.Tensor;

/**
 * The saved state of one parameter: named tensors, such as Adam's {@code exp_avg} and
 * {@code exp_avg_sq}, and named scalars, such as Adam's {@code step}. Each optimizer documents
 * the names it writes and requires.
 *
 * @param tensors state tensors by name, each with the parameter's shape
 * @param scalars scalar state by name, with counts stored as whole numbers
 */
public record ParameterState(Map<String, Tensor> tensors, Map<String, Double> scalars) {

    public ParameterState {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("ParameterState: tensor " + entry.getKey() + " is null");
            }
        }
        for (Map.Entry<String, Double> entry : scalars.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("ParameterState: scalar " + entry.getKey() + " is null");
            }
        }
    }

    /** Returns the tensor stored under {@code name}, or null. */
    public Tensor tensor(String name) {
        return tensors.get(name);
    }

    /** Returns the scalar stored under {@code name}, or null. */
    public Double scalar(String name) {
        return scalars.get(name);
    }
}
