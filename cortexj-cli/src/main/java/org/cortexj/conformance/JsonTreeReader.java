package org.cortexj.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON document into a Jackson tree, keeping the sign of an integer {@code -0}.
 *
 * <p>The reference files write {@code -0.0} as {@code -0}, which Jackson's default tree reader
 * turns into the integer 0 and so loses the sign; here it becomes the double {@code -0.0}. The
 * reader also rejects duplicate member names and accepts the bare tokens {@code NaN},
 * {@code Infinity} and {@code -Infinity} that some JSON writers emit.
 */
final class JsonTreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTreeReader() {
    }

    /**
     * Reads the single JSON value in {@code file}.
     *
     * @throws ReferenceFormatException if the file is empty, is not valid JSON, or has content
     *     after the first value; the message gives the line and column
     * @throws IOException if the file cannot be read
     */
    static JsonNode read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new ReferenceFormatException("file is empty; expected a JSON object");
            }
            JsonNode root = readValue(parser);
            if (parser.nextToken() != null) {
                throw new ReferenceFormatException("unexpected content after the JSON value at "
                        + describe(parser.currentLocation()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ReferenceFormatException("invalid JSON: " + e.getOriginalMessage()
                    + " at " + describe(e.getLocation()), e);
        }
    }

    /** Builds the node for the value at the parser's current token. */
    private static JsonNode readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                return readArray(parser);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return readInteger(parser);
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ReferenceFormatException("invalid JSON: unexpected token " + token
                        + " at " + describe(parser.currentLocation()));
        }
    }

    private static ObjectNode readObject(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static JsonNode readInteger(JsonParser parser) throws IOException {
        String text = parser.getText();
        if (text.startsWith("-") && parser.getBigIntegerValue().signum() == 0) {
            return NODES.numberNode(-0.0);
        }
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                BigInteger value = parser.getBigIntegerValue();
                return NODES.numberNode(value);
        }
    }

    private static String describe(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
