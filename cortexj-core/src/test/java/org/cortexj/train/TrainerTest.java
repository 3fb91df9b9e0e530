package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path folder;

    private static TrainingSettings settings(int epochs, Path checkpoint) {
        return settings(epochs, checkpoint, 1);
    }

    private static TrainingSettings settings(int epochs, Path checkpoint, int replicas) {
        return TrainingSettings.builder().epochs(epochs).batchSize(32).seed(7).learningRate(0.01)
                .checkpoint(checkpoint).evaluationBatchSize(64).replicas(replicas).build();
    }

    private static double[] weights(Network network) {
        return network.namedParameters().values().stream()
                .flatMapToDouble(p -> java.util.Arrays.stream(p.value().toDoubleArray())).toArray();
    }

    @Test
    void learnsSyntheticBarsWellAboveChance() throws IOException {
        ImageDataset train = TrainingFixtures.bars(600, 1);
        ImageDataset test = TrainingFixtures.bars(200, 2);
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), settings(4, null), List.of());
        TrainingResult result = trainer.fit(train, test, false);
        assertEquals(4, result.history().size());
        assertTrue(result.best().accuracy() > 0.9, "accuracy " + result.best().accuracy());
    }

    @Test
    void sameSeedGivesIdenticalWeights() throws IOException {
        ImageDataset train = TrainingFixtures.bars(300, 1);
        ImageDataset test = TrainingFixtures.bars(100, 2);
        Trainer first = new Trainer(TrainingFixtures.smallNetwork(), settings(2, null), List.of());
        first.fit(train, test, false);
        Trainer second = new Trainer(TrainingFixtures.smallNetwork(), settings(2, null), List.of());
        second.fit(train, test, false);
        assertArrayEquals(weights(first.network()), weights(second.network()));
    }

    @Test
    void resumeMatchesUninterruptedRun() throws IOException {
        ImageDataset train = TrainingFixtures.bars(300, 1);
        ImageDataset test = TrainingFixtures.bars(100, 2);
        Trainer whole = new Trainer(TrainingFixtures.smallNetwork(), settings(3, folder.resolve("whole.cjm")), List.of());
        whole.fit(train, test, false);

        Path checkpoint = folder.resolve("parts.cjm");
        new Trainer(TrainingFixtures.smallNetwork(), settings(2, checkpoint), List.of()).fit(train, test, false);
        Trainer resumed = new Trainer(TrainingFixtures.smallNetwork(), settings(3, checkpoint), List.of());
        TrainingResult result = resumed.fit(train, test, true);

        assertEquals(3, result.history().size());
        assertArrayEquals(weights(whole.network()), weights(resumed.network()));
    }

    @Test
    void replicatedResumeMatchesUninterruptedRun() throws IOException {
        ImageDataset train = TrainingFixtures.bars(300, 1);
        ImageDataset test = TrainingFixtures.bars(100, 2);
        Trainer whole = new Trainer(TrainingFixtures.smallNetwork(), settings(3, folder.resolve("whole2.cjm"), 2),
                List.of());
        TrainingResult wholeResult = whole.fit(train, test, false);

        Path checkpoint = folder.resolve("parts2.cjm");
        new Trainer(TrainingFixtures.smallNetwork(), settings(2, checkpoint, 2), List.of()).fit(train, test, false);
        Trainer resumed = new Trainer(TrainingFixtures.smallNetwork(), settings(3, checkpoint, 2), List.of());
        resumed.fit(train, test, true);

        assertTrue(wholeResult.best().accuracy() > 0.9, "accuracy " + wholeResult.best().accuracy());
        assertArrayEquals(weights(whole.network()), weights(resumed.network()));
    }

    @Test
    void resumeWithOtherReplicaCountRejected() throws IOException {
        ImageDataset train = TrainingFixtures.bars(100, 1);
        ImageDataset test = TrainingFixtures.bars(50, 2);
        Path checkpoint = folder.resolve("replicas.cjm");
        new Trainer(TrainingFixtures.smallNetwork(), settings(1, checkpoint, 2), List.of()).fit(train, test, false);
        Trainer other = new Trainer(TrainingFixtures.smallNetwork(), settings(2, checkpoint, 1), List.of());

        var error = assertThrows(IllegalArgumentException.class, () -> other.fit(train, test, true));
        assertTrue(error.getMessage().contains("2 replicas"), error.getMessage());
    }

    @Test
    void lastPartialBatchIsTrained() throws IOException {
        ImageDataset train = TrainingFixtures.bars(70, 1);
        ImageDataset test = TrainingFixtures.bars(30, 2);
        long[] examples = new long[1];
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, long seen, double loss, double rate) {
                examples[0] = seen;
                assertEquals(3, batches);
            }
        };
        new Trainer(TrainingFixtures.smallNetwork(), settings(1, null), List.of(counter)).fit(train, test, false);
        assertEquals(70, examples[0]);
    }

    @Test
    void savedModelGivesIdenticalOutputs() throws IOException {
        ImageDataset train = TrainingFixtures.bars(200, 1);
        ImageDataset test = TrainingFixtures.bars(50, 2);
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), settings(1, null), List.of());
        trainer.fit(train, test, false);
        Path model = folder.resolve("model.cjm");
        ModelStore.save(model, trainer.network(), trainer.metadata(Normalization.of(train)));
        Network loaded = ModelStore.load(model).network();

        Tensor images = new BatchLoader(test, 50, Normalization.of(train)).makeBatch(new int[] {0, 1, 2, 3}).images();
        trainer.network().eval();
        loaded.eval();
        assertArrayEquals(trainer.network().predictProbabilities(images).toFloatArray(),
                loaded.predictProbabilities(images).toFloatArray());
    }

    @Test
    void modelForOtherNetworkIsRejected() throws IOException {
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), settings(1, null), List.of());
        Path model = folder.resolve("model.cjm");
        ModelStore.save(model, trainer.network(), null);
        var contents = org.cortexj.io.ModelFile.read(model);
        Map<String, Tensor> tensors = new java.util.LinkedHashMap<>(contents.tensors());
        tensors.put("out.weight", Tensor.zeros(4, 3));
        org.cortexj.io.ModelFile.write(model, new org.cortexj.io.ModelContents(contents.header(), tensors));
        org.cortexj.io.ModelFormatException e = assertThrows(org.cortexj.io.ModelFormatException.class,
                () -> ModelStore.load(model));
        assertTrue(e.getMessage().contains("out.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("[4, 16]"), e.getMessage());
    }

    @Test
    void weightDecayDefaultsFollowOptimizer() {
        assertEquals(0, TrainingSettings.builder().build().weightDecay());
        assertEquals(0.01, TrainingSettings.builder().optimizer(OptimizerKind.ADAMW).build().weightDecay());
        TrainingSettings chosen = TrainingSettings.builder().optimizer(OptimizerKind.ADAMW).weightDecay(0).build();
        assertEquals(0, chosen.weightDecay());
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(),
                TrainingSettings.builder().weightDecay(3e-4).labelSmoothing(0.1).build(), List.of());
        assertEquals(3e-4, ((org.cortexj.optim.AbstractAdam) trainer.optimizer()).weightDecay());
        var metadata = trainer.metadata(new org.cortexj.data.Normalization(0, 1));
        assertEquals(3e-4, metadata.get("weight_decay").asDouble());
        assertEquals(0.1, metadata.get("label_smoothing").asDouble());
    }

    /**
     * The smoothed target q has entropy H(q) > 0, and cross-entropy against q is at least H(q);
     * plain cross-entropy on the same well-learned task ends far below that bound.
     */
    @Test
    void smoothedTrainingLossStaysAboveEntropy() throws IOException {
        ImageDataset train = TrainingFixtures.bars(600, 1);
        ImageDataset test = TrainingFixtures.bars(200, 2);
        double smoothing = 0.4;
        int classes = train.classCount();
        double high = 1 - smoothing + smoothing / classes;
        double low = smoothing / classes;
        double entropy = -high * Math.log(high) - (classes - 1) * low * Math.log(low);
        TrainingSettings.Builder builder = TrainingSettings.builder().epochs(4).batchSize(32).seed(7).learningRate(0.01)
                .evaluationBatchSize(64);
        TrainingResult plain = new Trainer(TrainingFixtures.smallNetwork(), builder.build(), List.of())
                .fit(train, test, false);
        TrainingResult smoothed = new Trainer(TrainingFixtures.smallNetwork(),
                builder.labelSmoothing(smoothing).build(), List.of()).fit(train, test, false);
        double plainLoss = plain.history().get(3).trainLoss();
        double smoothedLoss = smoothed.history().get(3).trainLoss();
        assertTrue(plainLoss < entropy / 2, "plain loss " + plainLoss + ", entropy " + entropy);
        assertTrue(smoothedLoss >= entropy, "smoothed loss " + smoothedLoss + ", entropy " + entropy);
        assertTrue(smoothed.best().accuracy() > 0.9, "accuracy " + smoothed.best().accuracy());
    }

    @Test
    void invalidSettingsNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.builder().learningRate(0).build());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.builder().batchSize(0).build());
        assertTrue(batch.getMessage().contains("batch size"), batch.getMessage());
    }

    @Test
    void confusionMatrixRowsAreTrueClasses() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        matrix.add(0, 1);
        matrix.add(0, 1);
        matrix.add(2, 2);
        assertEquals(2, matrix.count(0, 1));
        assertEquals(0, matrix.count(1, 0));
        assertEquals(1.0 / 3, matrix.accuracy(), 1e-12);
        assertEquals(0.0, matrix.recall(0), 1e-12);
        assertEquals(1.0, matrix.precision(2), 1e-12);
    }
}
