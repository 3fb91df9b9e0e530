package org.cortexj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.cortexj.data.Normalization;

/** The input normalization a model was trained with, read from its metadata. */
final class StoredNormalization {

    private StoredNormalization() {
    }

    static Normalization of(JsonNode metadata) {
        if (!metadata.has("normalization_mean") || !metadata.has("normalization_std")) {
            throw new IllegalArgumentException("model metadata lacks normalization_mean and normalization_std; "
                    + "the model was not written by cortexj train");
        }
        return new Normalization(metadata.get("normalization_mean").asDouble(),
                metadata.get("normalization_std").asDouble());
    }
}
