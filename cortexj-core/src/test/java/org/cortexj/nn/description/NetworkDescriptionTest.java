package org.cortexj.nn.description;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cortexj.nn.description.LayerDescription.Convolution;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.junit.jupiter.api.Test;

class NetworkDescriptionTest {

    @Test
    void seedNetworkShapesMatchHandDerivation() {
        NetworkDescription seed = NetworkDescription.seedNetwork("selu");
        List<int[]> shapes = seed.outputShapes();
        // 28 - 5 + 1 = 24, pooled to 12; 12 - 5 + 1 = 8, pooled to 4; 50 * 4 * 4 = 800 features.
        assertArrayEquals(new int[] {20, 24, 24}, shapes.get(0));
        assertArrayEquals(new int[] {20, 12, 12}, shapes.get(1));
        assertArrayEquals(new int[] {50, 8, 8}, shapes.get(3));
        assertArrayEquals(new int[] {50, 4, 4}, shapes.get(4));
        assertArrayEquals(new int[] {1000}, shapes.get(6));
        assertArrayEquals(new int[] {10}, seed.outputShape());
        // conv1 20*25+20, conv2 50*20*25+50, fc1 1000*800+1000, fc2 10*1000+10.
        assertEquals(520 + 25_050 + 801_000 + 10_010, seed.parameterCount());
    }

    @Test
    void jsonRoundTripIsExact() {
        NetworkDescription original = NetworkDescription.builder(3, 32, 30)
                .add(new Convolution("c1", 8, new Size2(3, 5), new Size2(2, 1), new Size2(1, 2), new Size2(1, 2), false,
                        Initialization.HE_NORMAL))
                .batchNorm()
                .activation("leaky_relu")
                .averagePool(2, 2)
                .alphaDropout(0.1)
                .flatten()
                .linear("out", 7)
                .softmax()
                .build();
        String json = NetworkJson.toJson(original);
        NetworkDescription parsed = NetworkJson.fromJson(json);
        assertEquals(original, parsed);
        assertEquals(json, NetworkJson.toJson(parsed));
    }

    @Test
    void seedNetworkJsonRoundTrip() {
        NetworkDescription seed = NetworkDescription.seedNetwork("relu");
        assertEquals(seed, NetworkJson.fromJson(NetworkJson.toJson(seed)));
    }

    @Test
    void kernelTooLargeNamesLayerAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                NetworkDescription.builder(1, 8, 8).convolution("c1", 4, 5).maxPool(2, 2).convolution("c2", 4, 5).build());
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
        assertTrue(e.getMessage().contains("conv2d 'c2'"), e.getMessage());
        assertTrue(e.getMessage().contains("[4, 2, 2]"), e.getMessage());
    }

    @Test
    void softmaxOnImageNamesFlattenFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                NetworkDescription.builder(1, 4, 4).softmax().build());
        assertTrue(e.getMessage().contains("[1, 4, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("flatten"), e.getMessage());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NetworkDescription.builder(1, 28, 28).convolution(0, 5));
        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class,
                () -> NetworkDescription.builder(10).dropout(1.0));
        assertTrue(dropout.getMessage().contains("[0, 1)"), dropout.getMessage());
        IllegalArgumentException activation = assertThrows(IllegalArgumentException.class,
                () -> NetworkDescription.builder(10).activation("swishy"));
        assertTrue(activation.getMessage().contains("swishy"), activation.getMessage());
    }

    @Test
    void unknownJsonFieldIsRejected() {
        String json = "{\"input\": [4], \"layers\": [{\"type\": \"linear\", \"units\": 2, \"unit\": 3}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkJson.fromJson(json));
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
        assertTrue(e.getMessage().contains("\"unit\""), e.getMessage());
    }

    @Test
    void newerJsonVersionIsRejected() {
        String json = "{\"format\": \"cortexj-network\", \"version\": 99, \"input\": [4], \"layers\": []}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkJson.fromJson(json));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void summaryListsLayersAndTotal() {
        String summary = NetworkSummary.format(NetworkDescription.seedNetwork("selu"));
        assertTrue(summary.contains("conv1"), summary);
        assertTrue(summary.contains("[50, 4, 4]"), summary);
        assertTrue(summary.contains("801,000"), summary);
        assertTrue(summary.contains("total parameters: 836,580"), summary);
    }

    @Test
    void autoInitFollowsNextActivation() {
        NetworkDescription seed = NetworkDescription.seedNetwork("selu");
        assertEquals(Initialization.LECUN_NORMAL, NetworkFactory.resolve(Initialization.AUTO, seed.layers(), 0));
        NetworkDescription relu = NetworkDescription.seedNetwork("relu");
        assertEquals(Initialization.HE_NORMAL, NetworkFactory.resolve(Initialization.AUTO, relu.layers(), 0));
        // fc1 is followed by dropout and fc2 with no activation between them.
        assertEquals(Initialization.LECUN_NORMAL, NetworkFactory.resolve(Initialization.AUTO, relu.layers(), 6));
    }
}
