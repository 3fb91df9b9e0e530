package org.cortexj.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named tensors of one part of a case ({@code inputs}, {@code params}, {@code outputs},
 * {@code grads} or {@code intermediates}), in file order.
 *
 * <p>A bare number in the file, such as {@code "loss": 2.32}, is stored as a scalar tensor. An
 * object without {@code shape}, such as {@code "empirical": {"n": ..., "output_mean": ...}}, is a
 * group: its members are stored under dotted names ({@code empirical.output_mean}).
 */
public final class NamedTensors {

    private final String part;
    private final String caseName;
    private final Map<String, ReferenceTensor> tensors;

    NamedTensors(String part, String caseName, Map<String, ReferenceTensor> tensors) {
        this.part = part;
        this.caseName = caseName;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    static NamedTensors empty(String part, String caseName) {
        return new NamedTensors(part, caseName, Map.of());
    }

    /** Name of the part, such as {@code outputs}. */
    public String part() {
        return part;
    }

    /**
     * Returns the tensor called {@code name}.
     *
     * @throws ReferenceFormatException if there is none; the message lists the names present
     */
    public ReferenceTensor get(String name) {
        ReferenceTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new ReferenceFormatException("case '" + caseName + "': " + part + " has no \""
                    + name + "\"; present: " + tensors.keySet());
        }
        return tensor;
    }

    /** Returns the tensor called {@code name}, or empty when the file does not give it. */
    public Optional<ReferenceTensor> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** Names in file order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** Returns all tensors by name, in file order, as an unmodifiable map. */
    public Map<String, ReferenceTensor> asMap() {
        return tensors;
    }

    public int size() {
        return tensors.size();
    }

    public boolean isEmpty() {
        return tensors.isEmpty();
    }

    @Override
    public String toString() {
        return part + " " + tensors.keySet();
    }
}
