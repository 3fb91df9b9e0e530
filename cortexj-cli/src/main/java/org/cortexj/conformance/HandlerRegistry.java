package org.cortexj.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Handlers by op name. A case goes to the first handler registered for its {@code op} whose
 * {@link CaseHandler#supports} accepts it; the file name plays no part.
 */
public final class HandlerRegistry {

    private final Map<String, List<CaseHandler>> handlersByOp = new LinkedHashMap<>();

    /**
     * Registers {@code handler} for each op in {@code ops}, after any handler registered earlier
     * for the same op.
     *
     * @return this registry, for chaining
     * @throws IllegalArgumentException if {@code ops} is empty or contains an empty name
     */
    public HandlerRegistry register(CaseHandler handler, String... ops) {
        if (ops.length == 0) {
            throw new IllegalArgumentException("HandlerRegistry.register: give at least one op name for "
                    + handler.getClass().getName());
        }
        for (String op : ops) {
            if (op == null || op.isEmpty()) {
                throw new IllegalArgumentException("HandlerRegistry.register: empty op name for "
                        + handler.getClass().getName());
            }
            handlersByOp.computeIfAbsent(op, name -> new ArrayList<>()).add(handler);
        }
        return this;
    }

    /** Ops with at least one handler, in registration order. */
    public Set<String> ops() {
        return Collections.unmodifiableSet(handlersByOp.keySet());
    }

    /** Whether any handler is registered for {@code op}, whatever its attributes. */
    public boolean hasOp(String op) {
        return handlersByOp.containsKey(op);
    }

    /** The handler for a case, or empty when no handler of its op supports it. */
    public Optional<CaseHandler> find(ReferenceCase referenceCase) {
        for (CaseHandler handler : handlersByOp.getOrDefault(referenceCase.op(), List.of())) {
            if (handler.supports(referenceCase)) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }
}
