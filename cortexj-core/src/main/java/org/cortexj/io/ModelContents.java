package org.cortexj.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.tensor.Tensor;

/**
 * What a model file holds: a JSON header chosen by the writer (network description, optimizer
 * settings, metadata such as dataset, epochs, accuracy, seed and library version) and named
 * tensors (parameters, buffers, optimizer state).
 *
 * @param header JSON object stored as it is
 * @param tensors named tensors in a stable order; names are unique
 */
public record ModelContents(ObjectNode header, Map<String, Tensor> tensors) {

    public ModelContents {
        tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
}
