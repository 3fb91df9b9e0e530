package org.cortexj.nn.description;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cortexj.nn.description.LayerDescription.Activation;
import org.cortexj.nn.description.LayerDescription.BatchNorm;
import org.cortexj.nn.description.LayerDescription.Convolution;
import org.cortexj.nn.description.LayerDescription.Dropout;
import org.cortexj.nn.description.LayerDescription.DropoutKind;
import org.cortexj.nn.description.LayerDescription.Flatten;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.cortexj.nn.description.LayerDescription.Linear;
import org.cortexj.nn.description.LayerDescription.PoolKind;
import org.cortexj.nn.description.LayerDescription.Pooling;
import org.cortexj.nn.description.LayerDescription.Softmax;

/**
 * JSON form of network descriptions. Every setting is written, defaults included, so reading
 * what was written gives an equal description. Reading accepts omitted optional settings and
 * rejects unknown ones, naming the layer and the field.
 *
 * <pre>{@code
 * {"format": "cortexj-network", "version": 1, "input": [1, 28, 28],
 *  "layers": [{"type": "conv2d", "id": "conv1", "filters": 20, "kernel": [5, 5], ...}, ...]}
 * }</pre>
 */
public final class NetworkJson {

    public static final String FORMAT = "cortexj-network";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkJson() {
    }

    public static String toJson(NetworkDescription network) {
        try {
            return MAPPER.writeValueAsString(toTree(network));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("network: could not write JSON", e);
        }
    }

    public static ObjectNode toTree(NetworkDescription network) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode input = root.putArray("input");
        for (int dim : network.input()) {
            input.add(dim);
        }
        ArrayNode layers = root.putArray("layers");
        for (LayerDescription layer : network.layers()) {
            layers.add(layerToTree(layer));
        }
        return root;
    }

    private static ObjectNode layerToTree(LayerDescription layer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", layer.type());
        if (layer.id() != null) {
            node.put("id", layer.id());
        }
        if (layer instanceof Convolution c) {
            node.put("filters", c.filters());
            putSize(node, "kernel", c.kernel());
            putSize(node, "stride", c.stride());
            putSize(node, "padding", c.padding());
            putSize(node, "dilation", c.dilation());
            node.put("bias", c.bias());
            node.put("init", c.init().jsonName());
        } else if (layer instanceof Pooling p) {
            putSize(node, "kernel", p.kernel());
            putSize(node, "stride", p.stride());
            putSize(node, "padding", p.padding());
            node.put("ceil_mode", p.ceilMode());
            if (p.kind() == PoolKind.AVERAGE) {
                node.put("count_include_pad", p.countIncludePad());
            }
        } else if (layer instanceof Activation a) {
            node.put("function", a.function());
        } else if (layer instanceof Linear l) {
            node.put("units", l.units());
            node.put("bias", l.bias());
            node.put("init", l.init().jsonName());
        } else if (layer instanceof Dropout d) {
            node.put("p", d.p());
        } else if (layer instanceof BatchNorm b) {
            node.put("eps", b.eps());
            node.put("momentum", b.momentum());
        }
        return node;
    }

    private static void putSize(ObjectNode node, String field, Size2 size) {
        node.putArray(field).add(size.height()).add(size.width());
    }

    public static NetworkDescription fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("network JSON: not valid JSON: " + e.getOriginalMessage());
        }
        return fromTree(root);
    }

    public static NetworkDescription fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("network JSON: expected an object with \"input\" and \"layers\"");
        }
        checkFields(root, "network JSON", Set.of("format", "version", "input", "layers"));
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new IllegalArgumentException("network JSON: format is '" + root.get("format").asText()
                    + "', expected '" + FORMAT + "'");
        }
        if (root.has("version") && root.get("version").asInt() > VERSION) {
            throw new IllegalArgumentException("network JSON: version " + root.get("version").asInt()
                    + " is newer than this reader (max " + VERSION + "); upgrade cortexj");
        }
        int[] input = intArray(root, "input", "network JSON");
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new IllegalArgumentException("network JSON: missing array \"layers\"");
        }
        List<LayerDescription> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            layers.add(layerFromTree(layersNode.get(i), "network JSON: layer " + i));
        }
        return new NetworkDescription(input, layers);
    }

    private static LayerDescription layerFromTree(JsonNode node, String where) {
        if (!node.isObject() || !node.has("type")) {
            throw new IllegalArgumentException(where + ": expected an object with a \"type\"");
        }
        String type = node.get("type").asText();
        String id = node.has("id") ? node.get("id").asText() : null;
        try {
            return switch (type) {
                case "conv2d" -> {
                    checkFields(node, where, Set.of("type", "id", "filters", "kernel", "stride", "padding", "dilation",
                            "bias", "init"));
                    yield new Convolution(id, requiredInt(node, "filters", where), size(node, "kernel", null, where),
                            size(node, "stride", Size2.square(1), where), size(node, "padding", Size2.square(0), where),
                            size(node, "dilation", Size2.square(1), where), bool(node, "bias", true),
                            initialization(node, where));
                }
                case "max_pool2d", "avg_pool2d" -> {
                    checkFields(node, where, Set.of("type", "id", "kernel", "stride", "padding", "ceil_mode",
                            "count_include_pad"));
                    Size2 kernel = size(node, "kernel", null, where);
                    yield new Pooling(id, type.equals("max_pool2d") ? PoolKind.MAX : PoolKind.AVERAGE, kernel,
                            size(node, "stride", kernel, where), size(node, "padding", Size2.square(0), where),
                            bool(node, "ceil_mode", false), bool(node, "count_include_pad", true));
                }
                case "activation" -> {
                    checkFields(node, where, Set.of("type", "id", "function"));
                    yield new Activation(id, requiredText(node, "function", where));
                }
                case "linear" -> {
                    checkFields(node, where, Set.of("type", "id", "units", "bias", "init"));
                    yield new Linear(id, requiredInt(node, "units", where), bool(node, "bias", true),
                            initialization(node, where));
                }
                case "dropout", "gaussian_dropout", "alpha_dropout" -> {
                    checkFields(node, where, Set.of("type", "id", "p"));
                    DropoutKind kind = switch (type) {
                        case "dropout" -> DropoutKind.BERNOULLI;
                        case "gaussian_dropout" -> DropoutKind.GAUSSIAN;
                        default -> DropoutKind.ALPHA;
                    };
                    yield new Dropout(id, kind, requiredDouble(node, "p", where));
                }
                case "flatten" -> {
                    checkFields(node, where, Set.of("type", "id"));
                    yield new Flatten(id);
                }
                case "batch_norm" -> {
                    checkFields(node, where, Set.of("type", "id", "eps", "momentum"));
                    yield new BatchNorm(id, node.has("eps") ? node.get("eps").asDouble() : 1e-5,
                            node.has("momentum") ? node.get("momentum").asDouble() : 0.1);
                }
                case "softmax" -> {
                    checkFields(node, where, Set.of("type", "id"));
                    yield new Softmax(id);
                }
                default -> throw new IllegalArgumentException(where + ": unknown type '" + type + "'; expected conv2d, "
                        + "max_pool2d, avg_pool2d, activation, linear, dropout, gaussian_dropout, alpha_dropout, "
                        + "flatten, batch_norm or softmax");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, String where, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static Initialization initialization(JsonNode node, String where) {
        if (!node.has("init")) {
            return Initialization.AUTO;
        }
        String name = node.get("init").asText();
        try {
            return Initialization.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown init '" + name
                    + "'; expected auto, lecun_normal, he_normal, xavier_uniform or pytorch_default");
        }
    }

    private static Size2 size(JsonNode node, String field, Size2 fallback, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
            }
            return fallback;
        }
        if (value.isInt()) {
            return Size2.square(value.asInt());
        }
        if (value.isArray() && value.size() == 2 && value.get(0).isInt() && value.get(1).isInt()) {
            return new Size2(value.get(0).asInt(), value.get(1).asInt());
        }
        throw new IllegalArgumentException(where + ": \"" + field + "\" must be an integer or [height, width], got "
                + value);
    }

    private static int requiredInt(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be an integer, got " + value);
        }
        return value.asInt();
    }

    private static double requiredDouble(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a number, got " + value);
        }
        return value.asDouble();
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string, got " + value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static int[] intArray(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be an array of integers");
        }
        int[] result = new int[value.size()];
        for (int i = 0; i < result.length; i++) {
            if (!value.get(i).isInt()) {
                throw new IllegalArgumentException(where + ": \"" + field + "\" must be an array of integers, got "
                        + value);
            }
            result[i] = value.get(i).asInt();
        }
        return result;
    }
}
