package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads reference vector files.
 *
 * <p>A vector file is a JSON object with a {@code cases} array. Each case needs a string
 * {@code name} and {@code op}; {@code attrs}, {@code inputs}, {@code params}, {@code outputs},
 * {@code grads} and {@code intermediates} are optional objects, {@code dy} an optional tensor.
 * Other members are kept in {@link ReferenceCase#raw()}. Every tensor is checked when the file is
 * read, so a malformed file fails as a whole with a message that names the file, the JSON path
 * and the rule broken.
 */
public final class ReferenceLoader {

    private static final List<String> TENSOR_PARTS =
            List.of("inputs", "params", "outputs", "grads", "intermediates");

    private ReferenceLoader() {
    }

    /**
     * Lists the {@code *.json} files directly inside {@code folder}, sorted by name.
     *
     * @throws NotDirectoryException if {@code folder} is not a directory
     * @throws IOException if it cannot be listed
     */
    public static List<Path> listJsonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NotDirectoryException(folder.toString());
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(Path::compareTo);
        return files;
    }

    /**
     * Reads a vector file.
     *
     * @throws ReferenceFormatException if the file is not a vector file or breaks the format; the
     *     message starts with the file name
     * @throws IOException if the file cannot be read
     */
    public static ReferenceFile load(Path file) throws IOException {
        return loadIfVectorFile(file).orElseThrow(() -> new ReferenceFormatException(
                file.getFileName() + ": not a reference vector file; expected a JSON object with a "
                        + "\"cases\" array"));
    }

    /**
     * Reads a vector file, or returns empty for a JSON file that is not one: an object with
     * neither {@code cases} nor {@code family}, such as a manifest. An object with a
     * {@code family} but no {@code cases} is a malformed vector file.
     *
     * @throws ReferenceFormatException if the file is not valid JSON or breaks the format
     * @throws IOException if the file cannot be read
     */
    public static Optional<ReferenceFile> loadIfVectorFile(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        try {
            JsonNode root = JsonTreeReader.read(file);
            if (root.isObject() && !root.has("cases") && !root.has("family")) {
                return Optional.empty();
            }
            return Optional.of(parseFile(file, root));
        } catch (ReferenceFormatException e) {
            throw new ReferenceFormatException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static ReferenceFile parseFile(Path file, JsonNode root) {
        if (!root.isObject()) {
            throw new ReferenceFormatException("expected a JSON object with a \"cases\" array at the "
                    + "top level, found " + JsonValues.brief(root));
        }
        JsonNode casesNode = root.get("cases");
        if (casesNode == null || !casesNode.isArray()) {
            throw new ReferenceFormatException("cases: expected an array of case objects, found "
                    + JsonValues.brief(casesNode));
        }
        String family = optionalString(root, "family", "family");
        String fileName = file.getFileName().toString();
        List<ReferenceCase> cases = new ArrayList<>();
        for (int i = 0; i < casesNode.size(); i++) {
            cases.add(parseCase(casesNode.get(i), "cases[" + i + "]", family, fileName));
        }
        ObjectNode header = ((ObjectNode) root).deepCopy();
        header.remove("cases");
        return new ReferenceFile(file, family, header, cases);
    }

    private static ReferenceCase parseCase(JsonNode node, String path, String family,
            String fileName) {
        if (!node.isObject()) {
            throw new ReferenceFormatException(path + ": expected a case object, found "
                    + JsonValues.brief(node));
        }
        String name = requiredString(node, "name", path);
        String op = requiredString(node, "op", path);
        Attributes attrs = new Attributes(name, optionalObject(node, "attrs", path));
        Map<String, NamedTensors> parts = new LinkedHashMap<>();
        for (String part : TENSOR_PARTS) {
            parts.put(part, parsePart(node, part, path, name));
        }
        ReferenceTensor dy = parseDy(node, path);
        ReferenceCase.CaseParts caseParts = new ReferenceCase.CaseParts(parts.get("inputs"),
                parts.get("params"), parts.get("outputs"), parts.get("grads"),
                parts.get("intermediates"));
        return new ReferenceCase(name, op, family, fileName + " " + path, attrs, caseParts, dy, node);
    }

    private static NamedTensors parsePart(JsonNode caseNode, String part, String casePath,
            String caseName) {
        ObjectNode object = optionalObject(caseNode, part, casePath);
        Map<String, ReferenceTensor> tensors = new LinkedHashMap<>();
        addMembers(object, "", casePath + "." + part, tensors);
        return new NamedTensors(part, caseName, tensors);
    }

    /** Adds each member as a tensor; a group object adds its members under {@code group.name}. */
    private static void addMembers(ObjectNode object, String prefix, String path,
            Map<String, ReferenceTensor> tensors) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = prefix + entry.getKey();
            String memberPath = path + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (TensorParser.isTensor(value)) {
                tensors.put(name, TensorParser.parse(value, memberPath));
            } else if (JsonValues.isNumber(value)) {
                tensors.put(name, TensorParser.scalar(value, memberPath));
            } else if (value.isObject()) {
                addMembers((ObjectNode) value, name + ".", memberPath, tensors);
            } else {
                throw new ReferenceFormatException(memberPath + ": expected a tensor object "
                        + "{\"shape\", \"data\"}, a number, or an object of those, found "
                        + JsonValues.brief(value));
            }
        }
    }

    private static ReferenceTensor parseDy(JsonNode caseNode, String path) {
        JsonNode dy = caseNode.get("dy");
        if (dy == null || dy.isNull()) {
            return null;
        }
        if (JsonValues.isNumber(dy)) {
            return TensorParser.scalar(dy, path + ".dy");
        }
        return TensorParser.parse(dy, path + ".dy");
    }

    private static String requiredString(JsonNode node, String member, String path) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new ReferenceFormatException(path + "." + member + ": expected a non-empty string, "
                    + "found " + JsonValues.brief(value));
        }
        return value.textValue();
    }

    private static String optionalString(JsonNode node, String member, String path) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ReferenceFormatException(path + ": expected a string, found "
                    + JsonValues.brief(value));
        }
        return value.textValue();
    }

    private static ObjectNode optionalObject(JsonNode node, String member, String path) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw new ReferenceFormatException(path + "." + member + ": expected an object, found "
                    + JsonValues.brief(value));
        }
        return (ObjectNode) value;
    }
}
