package org.cortexj.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.io.ModelContents;
import org.cortexj.io.ModelFile;
import org.cortexj.io.ModelFormatException;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.nn.description.NetworkJson;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Saves and loads trained networks as model files: the header contains the network description
 * and metadata, the tensors every parameter and buffer under its dotted name.
 */
public final class ModelStore {

    public static final String FORMAT = "cortexj-model";
    /** Parameters a description may need beyond the stored elements: 2^20 floats, 4 MiB. */
    static final long PARAMETER_SHORTFALL_ALLOWED = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelStore() {
    }

    /** A loaded network with the metadata it was saved with. */
    public record LoadedModel(Network network, ObjectNode metadata, ModelContents contents) {
    }

    /** Writes the network atomically, with {@code metadata} (dataset, epochs, accuracy, ...). */
    public static void save(Path path, Network network, ObjectNode metadata) throws IOException {
        ModelFile.write(path, contents(network, metadata, Map.of(), null));
    }

    /** The contents of a model file for a network, plus extra tensors and header fields. */
    static ModelContents contents(Network network, ObjectNode metadata, Map<String, Tensor> extraTensors,
                                  ObjectNode extraHeader) {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("format", FORMAT);
        header.set("network", NetworkJson.toTree(network.description()));
        header.set("metadata", metadata == null ? MAPPER.createObjectNode() : metadata);
        if (extraHeader != null) {
            header.setAll(extraHeader);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>(stateTensors(network));
        tensors.putAll(extraTensors);
        return new ModelContents(header, tensors);
    }

    /** Returns every parameter and buffer of the network under its dotted name. */
    static Map<String, Tensor> stateTensors(Network network) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        network.namedParameters().forEach((name, parameter) -> tensors.put(name, parameter.value()));
        tensors.putAll(network.namedBuffers());
        return tensors;
    }

    public static LoadedModel load(Path path) throws IOException {
        ModelContents contents = ModelFile.read(path);
        return new LoadedModel(networkFrom(path.toString(), contents), metadataOf(contents), contents);
    }

    static ObjectNode metadataOf(ModelContents contents) {
        JsonNode metadata = contents.header().get("metadata");
        return metadata instanceof ObjectNode object ? object : MAPPER.createObjectNode();
    }

    /** Builds the described network and copies the stored parameters and buffers into it. */
    static Network networkFrom(String source, ModelContents contents) throws ModelFormatException {
        JsonNode format = contents.header().get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new ModelFormatException(source + ": header format is " + format + ", expected \"" + FORMAT
                    + "\"; this file was not written by ModelStore");
        }
        NetworkDescription description;
        try {
            description = NetworkJson.fromTree(contents.header().get("network"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": invalid network description: " + e.getMessage());
        }
        requireStoredParameters(source, description, contents);
        Network network;
        try {
            network = NetworkFactory.build(description, new Generator(0), new Generator(0));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": network description cannot be built: " + e.getMessage());
        }
        copyState(source, contents.tensors(), "", network);
        return network;
    }

    /**
     * Rejects a description that needs far more parameters than the file stores, before the
     * network is allocated. Every parameter is read from the file, so a short file that claims a
     * huge network is corrupt, and building it first could exhaust the heap. A shortfall of up to
     * {@link #PARAMETER_SHORTFALL_ALLOWED} elements is let through, so that {@link #copyState}
     * can name the tensor whose shape differs.
     */
    private static void requireStoredParameters(String source, NetworkDescription description, ModelContents contents)
            throws ModelFormatException {
        long stored = 0;
        for (Tensor tensor : contents.tensors().values()) {
            stored += tensor.size();
        }
        long needed = description.parameterCount();
        if (needed > stored + PARAMETER_SHORTFALL_ALLOWED) {
            throw new ModelFormatException(source + ": network description needs " + needed + " parameters, but the "
                    + "file stores only " + stored + " tensor elements; the file is corrupt or truncated");
        }
    }

    /** Copies tensors named {@code prefix + name} into the network's parameters and buffers. */
    static void copyState(String source, Map<String, Tensor> tensors, String prefix, Network network)
            throws ModelFormatException {
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Map.Entry<String, Parameter> entry : network.namedParameters().entrySet()) {
                copyInto(source, tensors, prefix + entry.getKey(), entry.getValue().value());
            }
            for (Map.Entry<String, Tensor> entry : network.namedBuffers().entrySet()) {
                copyInto(source, tensors, prefix + entry.getKey(), entry.getValue());
            }
        }
    }

    private static void copyInto(String source, Map<String, Tensor> tensors, String name, Tensor target)
            throws ModelFormatException {
        Tensor stored = tensors.get(name);
        if (stored == null) {
            throw new ModelFormatException(source + ": tensor " + name + " is missing; the file does not match "
                    + "its network description");
        }
        if (!stored.shape().equals(target.shape())) {
            throw new ModelFormatException(source + ": layer " + name + ": expected shape " + target.shape()
                    + ", found " + stored.shape());
        }
        if (stored.dataType() != target.dataType()) {
            throw new ModelFormatException(source + ": tensor " + name + " is " + stored.dataType() + ", expected "
                    + target.dataType());
        }
        target.assign(stored);
    }
}
