package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cortexj.io.ModelContents;
import org.cortexj.io.ModelFile;
import org.cortexj.io.ModelFormatException;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON header of a model file is untrusted too: a small file whose network description
 * claims a huge network is rejected before the network is allocated.
 */
class ModelStoreUntrustedTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private Path modelWithNetwork(String networkJson, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("format", ModelStore.FORMAT);
        header.set("network", MAPPER.readTree(networkJson));
        header.putObject("metadata");
        Path file = folder.resolve("crafted.cjm");
        ModelFile.write(file, new ModelContents(header, tensors));
        return file;
    }

    private static String linearNetwork(long units) {
        return "{\"input\": [1, 8, 8], \"layers\": [{\"type\": \"linear\", \"id\": \"fc\", \"units\": " + units + "}]}";
    }

    @Test
    void hugeNetworkWithoutTensorsRejectedBeforeBuilding() throws IOException {
        // 30,000,000 units on 64 inputs are 1.95e9 parameters (7.8 GB as float32), within the tensor limit.
        Path file = modelWithNetwork(linearNetwork(30_000_000), Map.of());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("needs 1950000000 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("only 0 tensor elements"), e.getMessage());
    }

    @Test
    void layerOverTensorLimitRejected() throws IOException {
        Path file = modelWithNetwork(linearNetwork(Integer.MAX_VALUE), Map.of());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));

        assertTrue(e.getMessage().contains("invalid network description"), e.getMessage());
        assertTrue(e.getMessage().contains("parameter count"), e.getMessage());
        assertTrue(e.getMessage().contains("over the limit of " + Integer.MAX_VALUE), e.getMessage());
    }

    @Test
    void convolutionParameterOverflowRejected() throws IOException {
        // 2^20 filters of 2^20 channels with a 2^12 x 2^12 kernel: the count overflows a long.
        String network = "{\"input\": [1048576, 4096, 4096], \"layers\": [{\"type\": \"conv2d\", "
                + "\"filters\": 1048576, \"kernel\": 4096}]}";
        Path file = modelWithNetwork(network, Map.of());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));

        assertTrue(e.getMessage().contains("over the limit of " + Integer.MAX_VALUE), e.getMessage());
    }

    @Test
    void flattenOfHugeInputRejected() throws IOException {
        String network = "{\"input\": [65536, 65536, 2], \"layers\": [{\"type\": \"flatten\"}]}";
        Path file = modelWithNetwork(network, Map.of());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));

        assertTrue(e.getMessage().contains("input shape [65536, 65536, 2] is 8589934592"), e.getMessage());
    }

    @Test
    void storedParametersStillLoad() throws IOException {
        Path file = modelWithNetwork(linearNetwork(2), Map.of("fc.weight", Tensor.ones(2, 64), "fc.bias",
                Tensor.zeros(2)));

        float[] weight = ModelStore.load(file).network().namedParameters().get("fc.weight").value().toFloatArray();

        assertEquals(128, weight.length);
        assertEquals(1f, weight[0]);
        assertEquals(1f, weight[127]);
    }
}
