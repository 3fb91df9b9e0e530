package org.cortexj.optim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.nn.Parameter;

/** Builds and checks the ordered name-to-parameter map that an optimizer manages. */
final class NamedParameters {

    private NamedParameters() {
    }

    /**
     * Names list entries by position and parameter name, such as {@code 0:weight} and
     * {@code 1:bias}, because the names of parameters from different layers repeat.
     */
    static Map<String, Parameter> fromList(List<Parameter> parameters) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String name = parameter == null ? Integer.toString(i) : i + ":" + parameter.name();
            named.put(name, parameter);
        }
        return named;
    }

    /**
     * Returns an unmodifiable copy in iteration order after checking that the map is not empty
     * and contains each parameter once.
     */
    static Map<String, Parameter> checked(String optimizer, Map<String, Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(optimizer + ": the parameter list is empty; pass the parameters "
                    + "of a module that has some");
        }
        Map<Parameter, String> seen = new IdentityHashMap<>();
        Map<String, Parameter> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            String name = entry.getKey();
            Parameter parameter = entry.getValue();
            if (name == null || parameter == null) {
                throw new IllegalArgumentException(optimizer + ": parameter " + name + " is null");
            }
            String previous = seen.put(parameter, name);
            if (previous != null) {
                throw new IllegalArgumentException(optimizer + ": parameter " + name + " is the same tensor as "
                        + previous + "; pass each parameter once, or it would be updated twice per step");
            }
            copy.put(name, parameter);
        }
        return Collections.unmodifiableMap(copy);
    }
}
