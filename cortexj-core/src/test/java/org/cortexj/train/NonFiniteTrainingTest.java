package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cortexj.autograd.GradMode;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.io.ModelContents;
import org.cortexj.io.ModelFile;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.optim.schedule.LearningRateSchedule;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-finite loss or gradient stops training with a message that names the epoch, the batch
 * and the first non-finite layer, and the last good checkpoint is kept. With skipNonFinite the
 * step is skipped instead, and the network, buffers included, stays as it was before the step.
 */
class NonFiniteTrainingTest {

    @TempDir
    Path folder;

    private final ImageDataset train = TrainingFixtures.bars(64, 1);
    private final ImageDataset test = TrainingFixtures.bars(32, 2);

    /** Four batches of 16 per epoch, at learning rate 0.01 in epoch 1 and 1e6 after it, which blows SGD up. */
    private static TrainingSettings.Builder blowUpInEpochTwo(Path checkpoint) {
        LearningRateSchedule jump = step -> step < 4 ? 0.01 : 1e6;
        return TrainingSettings.builder().epochs(4).batchSize(16).seed(5).optimizer(OptimizerKind.SGD)
                .learningRate(0.01).schedule(jump).checkpoint(checkpoint).evaluationBatchSize(32);
    }

    private static NetworkDescription networkWithBatchNorm() {
        return NetworkDescription.builder(1, 8, 8)
                .convolution("conv", 4, 3).batchNorm().maxPool(2, 2).activation("selu")
                .linear("hidden", 16).linear("out", 4).softmax().build();
    }

    private static boolean allFinite(Map<String, Tensor> tensors) {
        for (Tensor tensor : tensors.values()) {
            for (double value : tensor.toDoubleArray()) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void blowUpStopsAndKeepsLastGoodCheckpoint() throws IOException {
        Path checkpoint = folder.resolve("checkpoint.cjm");
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), blowUpInEpochTwo(checkpoint).build(), List.of());

        NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> trainer.fit(train, test, false));

        assertTrue(e.getMessage().contains("non-finite value at epoch 2, batch "), e.getMessage());
        assertTrue(e.getMessage().contains("loss is") || e.getMessage().contains("gradient of"), e.getMessage());
        assertTrue(e.getMessage().contains("layer "), e.getMessage());
        assertTrue(e.getMessage().contains("the last good checkpoint is kept"), e.getMessage());
        ModelContents kept = ModelFile.read(checkpoint);
        assertEquals(1, kept.header().get("trainer").get("completed_epochs").asInt());
        assertTrue(allFinite(kept.tensors()), "checkpoint holds non-finite values");
    }

    @Test
    void nanWeightNamesItsLayer() throws IOException {
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), TrainingSettings.builder().epochs(1)
                .batchSize(16).seed(5).build(), List.of());
        try (GradMode.Scope ignored = GradMode.disable()) {
            trainer.network().namedParameters().get("hidden.weight").value().fill(Double.NaN);
        }

        NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> trainer.fit(train, test, false));

        assertTrue(e.getMessage().contains("at epoch 1, batch 1: loss is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("first non-finite layer output: layer hidden (Linear)"), e.getMessage());
    }

    @Test
    void skipKeepsNetworkAndBuffersFinite() throws IOException {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.cortexj.train");
        logger.addHandler(handler);
        Trainer trainer;
        try {
            TrainingSettings settings = blowUpInEpochTwo(null).skipNonFinite(true).build();
            trainer = new Trainer(networkWithBatchNorm(), settings, List.of());
            trainer.fit(train, test, false);
        } finally {
            logger.removeHandler(handler);
        }

        List<String> skips = warnings.stream().filter(w -> w.contains("skipped step")).toList();
        assertTrue(skips.stream().anyMatch(w -> w.contains("at epoch 2, batch ")), warnings.toString());
        Network network = trainer.network();
        assertTrue(allFinite(ModelStore.stateTensors(network)), "non-finite parameter or buffer after skipped steps");
    }

    @Test
    void skippedStepLeavesBuffersUnchanged() throws IOException {
        TrainingSettings settings = TrainingSettings.builder().epochs(1).batchSize(16).seed(5).skipNonFinite(true)
                .evaluationBatchSize(32).build();
        Trainer trainer = new Trainer(networkWithBatchNorm(), settings, List.of());
        Map<String, Tensor> buffersBefore = new java.util.LinkedHashMap<>();
        try (GradMode.Scope ignored = GradMode.disable()) {
            // A NaN weight before the batch normalization: every step's loss is NaN and is skipped,
            // but each forward pass has already fed NaN to the running statistics.
            trainer.network().namedParameters().get("conv.weight").value().fill(Double.NaN);
            trainer.network().namedBuffers().forEach((name, buffer) -> buffersBefore.put(name, buffer.copy()));
        }

        trainer.fit(train, test, false);

        Map<String, Tensor> buffersAfter = trainer.network().namedBuffers();
        for (Map.Entry<String, Tensor> entry : buffersBefore.entrySet()) {
            assertTrue(java.util.Arrays.equals(entry.getValue().toDoubleArray(),
                    buffersAfter.get(entry.getKey()).toDoubleArray()), entry.getKey() + " changed in skipped steps: "
                    + buffersAfter.get(entry.getKey()));
        }
    }

    @Test
    void clippingScalesJointNormToLimit() {
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), TrainingSettings.builder().build(), List.of());
        StepGuard guard = new StepGuard(trainer.network());
        Map<String, org.cortexj.nn.Parameter> parameters = trainer.network().namedParameters();
        for (org.cortexj.nn.Parameter parameter : parameters.values()) {
            parameter.value().setGrad(parameter.value().zerosLike());
        }
        // Gradients 3 and 4 in one tensor and 12 in another: joint L2 norm sqrt(9 + 16 + 144) = 13.
        Tensor weightGrad = parameters.get("out.weight").value().zerosLike();
        weightGrad.set(3, 0, 0);
        weightGrad.set(4, 1, 5);
        parameters.get("out.weight").value().setGrad(weightGrad);
        Tensor biasGrad = parameters.get("conv.bias").value().zerosLike();
        biasGrad.set(12, 2);
        parameters.get("conv.bias").value().setGrad(biasGrad);

        guard.clipGradientNorm(26);
        assertEquals(12, parameters.get("conv.bias").grad().get(2), 0, "a norm below the limit is left alone");

        guard.clipGradientNorm(1);
        double scale = 1 / (13 + 1e-6);
        assertEquals(3 * scale, parameters.get("out.weight").grad().get(0, 0), 1e-6);
        assertEquals(4 * scale, parameters.get("out.weight").grad().get(1, 5), 1e-6);
        assertEquals(12 * scale, parameters.get("conv.bias").grad().get(2), 1e-6);
        assertEquals(0, parameters.get("out.weight").grad().get(0, 1), 0);
    }

    @Test
    void guardNamesNanInputBatch() {
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), TrainingSettings.builder().build(), List.of());
        StepGuard guard = new StepGuard(trainer.network());
        float[] pixels = new float[2 * 64];
        pixels[70] = Float.NaN;

        assertEquals("the input batch", guard.firstNonFiniteOutput(Tensor.of(pixels, 2, 1, 8, 8)));
        assertNull(guard.firstNonFiniteOutput(Tensor.zeros(2, 1, 8, 8)));
    }

    @Test
    void guardNamesFirstInfiniteGradient() {
        Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), TrainingSettings.builder().build(), List.of());
        StepGuard guard = new StepGuard(trainer.network());
        Map<String, org.cortexj.nn.Parameter> parameters = trainer.network().namedParameters();
        for (org.cortexj.nn.Parameter parameter : parameters.values()) {
            parameter.value().setGrad(parameter.value().zerosLike());
        }
        assertNull(guard.firstNonFiniteGradient());

        Tensor infinite = parameters.get("out.weight").value().zerosLike();
        infinite.set(Double.POSITIVE_INFINITY, 1, 2);
        parameters.get("out.weight").value().setGrad(infinite);
        assertEquals("gradient of out.weight is not finite", guard.firstNonFiniteGradient());

        Tensor nan = parameters.get("conv.bias").value().zerosLike();
        nan.set(Double.NaN, 0);
        parameters.get("conv.bias").value().setGrad(nan);
        assertEquals("gradient of conv.bias is not finite", guard.firstNonFiniteGradient());
    }
}
