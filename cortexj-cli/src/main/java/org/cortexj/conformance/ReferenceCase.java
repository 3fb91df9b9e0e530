package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One case of a reference file: an op, its attributes, the tensors that go in and the tensors
 * expected out.
 *
 * <p>Parts the file leaves out are empty: a forward-only case has no {@link #dy()} and no
 * {@link #grads()}, and {@link #outputs()} may list fewer tensors than the op produces. Gradients
 * are {@code dL/dk} for {@code L = sum(y * dy)}.
 */
public final class ReferenceCase {

    private final String name;
    private final String op;
    private final String family;
    private final String source;
    private final Attributes attrs;
    private final CaseParts parts;
    private final ReferenceTensor dy;
    private final JsonNode raw;

    ReferenceCase(String name, String op, String family, String source, Attributes attrs,
            CaseParts parts, ReferenceTensor dy, JsonNode raw) {
        this.name = name;
        this.op = op;
        this.family = family;
        this.source = source;
        this.attrs = attrs;
        this.parts = parts;
        this.dy = dy;
        this.raw = raw;
    }

    /** Tensor parts of a case, grouped so the constructor stays short. */
    record CaseParts(NamedTensors inputs, NamedTensors params, NamedTensors outputs,
            NamedTensors grads, NamedTensors intermediates) {
    }

    /** Case name, such as {@code conv2d/N2_ci1_co2_7x9_k3_s1_p0}. */
    public String name() {
        return name;
    }

    /** Operation the case tests, such as {@code conv2d}; handlers are chosen by this name. */
    public String op() {
        return op;
    }

    /** Returns the file's {@code family}, which only groups cases, or an empty string when absent. */
    public String family() {
        return family;
    }

    /** File name and index, such as {@code conv2d.json cases[3]}, for messages. */
    public String source() {
        return source;
    }

    public Attributes attrs() {
        return attrs;
    }

    /** Inputs such as {@code x}, labels, masks and running statistics. */
    public NamedTensors inputs() {
        return parts.inputs();
    }

    /** Trainable parameters such as {@code weight} and {@code bias}. */
    public NamedTensors params() {
        return parts.params();
    }

    public NamedTensors outputs() {
        return parts.outputs();
    }

    /** Gradients for every float input and parameter, by the same names. */
    public NamedTensors grads() {
        return parts.grads();
    }

    /** Values inside a network, such as the activations of a hidden layer. */
    public NamedTensors intermediates() {
        return parts.intermediates();
    }

    /** Upstream gradient of output {@code y}; empty for a forward-only case. */
    public Optional<ReferenceTensor> dy() {
        return Optional.ofNullable(dy);
    }

    /**
     * Returns {@link #dy()}.
     *
     * @throws ReferenceFormatException if the case has no {@code dy}
     */
    public ReferenceTensor requireDy() {
        if (dy == null) {
            throw new ReferenceFormatException("case '" + name + "' (" + source + ") has no \"dy\"; "
                    + "it is a forward-only case");
        }
        return dy;
    }

    /** Returns the whole case as raw JSON, for members this class does not cover (such as notes). */
    public JsonNode raw() {
        return raw;
    }

    @Override
    public String toString() {
        return name + " (op " + op + ", " + source + ")";
    }
}
