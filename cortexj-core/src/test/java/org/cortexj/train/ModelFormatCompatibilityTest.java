package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.io.ModelFile;
import org.cortexj.nn.Network;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model files written by released format versions load in this version: each version's folder
 * under {@code compatibility/} keeps a model, a checkpoint and the model's outputs for fixed
 * inputs, written by {@link CompatibilityFileWriter} with the release that introduced the
 * version. When the format version is raised, add a folder for the new version and keep the old
 * ones unchanged.
 */
class ModelFormatCompatibilityTest {

    /** Outputs are probabilities in [0, 1]; later kernels may round differently, not more. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path folder;

    private static Path versionFolder(int version) throws URISyntaxException {
        return Path.of(ModelFormatCompatibilityTest.class.getResource("compatibility/v" + version).toURI());
    }

    private static JsonNode expected(int version) throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(versionFolder(version).resolve("expected.json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static int storedFormatVersion(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8);
    }

    @ParameterizedTest(name = "format version {0}")
    @ValueSource(ints = {1})
    void modelGivesStoredOutputs(int version) throws Exception {
        Path model = versionFolder(version).resolve("model.cjm");
        assertEquals(version, storedFormatVersion(model), "the kept file has another format version");
        JsonNode expected = expected(version);

        Network network = ModelStore.load(model).network();
        network.eval();
        int[] shape = new int[expected.get("input_shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = expected.get("input_shape").get(i).asInt();
        }
        float[] inputs = new float[expected.get("inputs").size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) expected.get("inputs").get(i).asDouble();
        }
        float[] outputs = network.predictProbabilities(Tensor.of(inputs, shape)).toFloatArray();

        JsonNode want = expected.get("outputs");
        assertEquals(want.size(), outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            assertEquals(want.get(i).asDouble(), outputs[i], TOLERANCE,
                    "output " + i + " of format version " + version);
        }
    }

    @ParameterizedTest(name = "format version {0}")
    @ValueSource(ints = {1})
    void checkpointResumesTraining(int version) throws Exception {
        Path keptCheckpoint = versionFolder(version).resolve("checkpoint.cjm");
        assertEquals(version, storedFormatVersion(keptCheckpoint), "the kept file has another format version");
        JsonNode stored = ModelFile.read(keptCheckpoint).header().get("trainer");
        Path checkpoint = Files.copy(keptCheckpoint, folder.resolve("checkpoint.cjm"));

        Trainer trainer = new Trainer(CompatibilityFileWriter.network(),
                CompatibilityFileWriter.settings(2, checkpoint), List.of());
        TrainingResult result = trainer.fit(TrainingFixtures.bars(96, 1), TrainingFixtures.bars(32, 2), true);

        assertEquals(2, result.history().size());
        JsonNode first = stored.get("history").get(0);
        assertEquals(first.get("testAccuracy").asDouble(), result.history().get(0).testAccuracy(), 0.0);
        assertEquals(first.get("trainLoss").asDouble(), result.history().get(0).trainLoss(), 0.0);
        assertTrue(Double.isFinite(result.history().get(1).trainLoss()), result.history().toString());
    }
}
