package org.cortexj.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.train.EpochMetrics;
import org.cortexj.train.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetadataTest {

    @TempDir
    Path folder;

    @Test
    void historySurvivesModelFile() throws IOException {
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.5, 0.8, 0.4, 0.85, 1e-3, 10.0, 6000.0),
                new EpochMetrics(2, Double.NaN, 0.9, 0.3, 0.9, 5e-4, 11.0, 5454.5));
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        RunMetadata.record(metadata, "mnist", ReportFixtures.result(history), 60000, 10000);
        Path model = folder.resolve("model.cjm");
        ModelStore.save(model, ReportFixtures.network(ReportFixtures.convNetwork()), metadata);

        ObjectNode loaded = ModelStore.load(model).metadata();

        assertEquals(history, RunMetadata.history(loaded).orElseThrow());
        assertEquals(60000, loaded.get("train_images").asInt());
        assertEquals(10000, loaded.get("test_images").asInt());
        assertEquals("mnist", loaded.get("dataset").asText());
        assertEquals(2, loaded.get("best_epoch").asInt());
        assertEquals(0.75, loaded.get("test_accuracy").asDouble());
        assertEquals(MachineInfo.current(), MachineInfo.fromJson(loaded.get("machine")));
    }

    @Test
    void missingHistoryIsEmpty() {
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        assertTrue(RunMetadata.history(metadata).isEmpty());
        metadata.putArray("history");
        assertTrue(RunMetadata.history(metadata).isEmpty());
    }

    @Test
    void malformedHistoryIsRejected() {
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        metadata.putArray("history").addObject().put("epoch", "first");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunMetadata.history(metadata));
        assertTrue(error.getMessage().contains("history entry 0"), error.getMessage());
    }

    @Test
    void throughputWeightsEpochsByTime() {
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0, 0, 0, 0, 0, 10.0, 100.0),
                new EpochMetrics(2, 0, 0, 0, 0, 0, 30.0, 200.0));
        // 1,000 + 6,000 images in 40 s.
        assertEquals(175.0, RunMetadata.imagesPerSecond(history), 1e-12);
        assertTrue(Double.isNaN(RunMetadata.imagesPerSecond(List.of())));
    }

    @Test
    void settingsReadFromMetadata() {
        RunSettings run = RunSettings.fromMetadata(ReportFixtures.metadata(2));

        assertEquals("bars", run.dataset());
        assertEquals(300, run.trainImages());
        assertEquals("adam", run.optimizer());
        assertEquals(1e-3, run.learningRate());
        assertEquals(42L, run.seed());
        assertEquals(2, run.epochs());
        assertEquals(500.0, run.imagesPerSecond(), 1e-9);
    }

    @Test
    void missingSettingsAreMarked() {
        RunSettings run = RunSettings.fromMetadata(new ObjectMapper().createObjectNode());

        assertEquals(null, run.dataset());
        assertEquals(null, run.seed());
        assertEquals(-1, run.batchSize());
        assertTrue(Double.isNaN(run.wallSeconds()));
        assertEquals(null, run.machine());
    }
}
