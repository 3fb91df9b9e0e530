package org.cortexj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cortexj.io.ModelContents;
import org.cortexj.io.ModelFile;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code cortexj train} with SIGKILL at random moments and checks that no model or
 * checkpoint file is ever corrupt, and that {@code train --resume} then ends with the same
 * weights, bit for bit, as a run that was never interrupted.
 */
class InterruptedTrainingTest {

    private static final int EPOCHS = 40;
    private static final int KILLS = 7;
    /** Fixed, so that a failure can be replayed with the same kill delays relative to the training time. */
    private static final long KILL_SEED = 20_261_204L;
    /** Line printed after the checkpoint of epoch 1 is written. */
    private static final String FIRST_EPOCH_MARKER = "epoch   1  train loss";
    private static final int TIMEOUT_SECONDS = 300;

    @TempDir
    Path folder;

    private List<String> arguments(Path data, Path network, Path output) {
        return List.of("--dataset", data.toString(), "--network", network.toString(), "--epochs", "" + EPOCHS,
                "--batch-size", "16", "--learning-rate", "0.01", "--seed", "11", "--output", output.toString(),
                "--resume");
    }

    @Test
    void killedRunsResumeToIdenticalWeights() throws Exception {
        Path data = folder.resolve("data");
        TrainingProcess.writeBarsDataset(data, 160, 100);
        Path network = TrainingProcess.writeSmallNetwork(folder.resolve("network.json"));

        Path reference = folder.resolve("reference");
        Path referenceLog = folder.resolve("reference.log");
        Process referenceRun = TrainingProcess.start(referenceLog, arguments(data, network, reference));
        TrainingProcess.awaitOutput(referenceRun, referenceLog, TrainingProcess.START_MARKER, TIMEOUT_SECONDS);
        long trainingStart = System.nanoTime();
        assertTrue(referenceRun.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "reference run timed out");
        long trainingMillis = (System.nanoTime() - trainingStart) / 1_000_000;
        assertEquals(0, referenceRun.exitValue(), () -> log(referenceLog));
        // Delays scale with this machine's speed, up to half the uninterrupted training time: each
        // restart pays the JVM warm-up again, so most kills still land before the last epoch.
        int maxKillDelayMillis = (int) Math.max(100, trainingMillis / 2);

        Path killed = folder.resolve("killed");
        Random random = new Random(KILL_SEED);
        List<String> history = new ArrayList<>();
        int resumedAndKilled = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int before = completedEpochs(killed);
            Path log = folder.resolve("killed-" + kill + ".log");
            Process child = TrainingProcess.start(log, arguments(data, network, killed));
            // The first run always gets past epoch 1, so that every later run resumes from a checkpoint.
            String marker = kill == 0 ? FIRST_EPOCH_MARKER : TrainingProcess.START_MARKER;
            boolean started = TrainingProcess.awaitOutput(child, log, marker, TIMEOUT_SECONDS);
            int delay = random.nextInt(maxKillDelayMillis);
            Thread.sleep(delay);
            boolean wasAlive = child.isAlive();
            child.destroyForcibly().waitFor();
            history.add("kill " + kill + ": started " + started + ", alive " + wasAlive + " after " + delay
                    + " ms, checkpoint epochs " + before + " -> " + completedEpochs(killed));
            checkEveryModelFile(killed, history);
            if (wasAlive && before > 0 && before < EPOCHS) {
                resumedAndKilled++;
            }
        }
        assertTrue(resumedAndKilled >= 1, "no kill landed in a resumed run: " + history);
        // The kill points vary with machine speed, so the report shows where they landed.
        System.out.println("uninterrupted training took " + trainingMillis + " ms");
        history.forEach(System.out::println);

        Path finalLog = folder.resolve("final.log");
        int status = TrainingProcess.runToEnd(finalLog, arguments(data, network, killed), TIMEOUT_SECONDS);
        assertEquals(0, status, () -> log(finalLog));

        // model.cjm contains the best network, checkpoint.cjm the last one, the optimizer state and the best.
        for (String file : List.of("model.cjm", "checkpoint.cjm")) {
            assertSameTensors(ModelFile.read(reference.resolve(file)), ModelFile.read(killed.resolve(file)),
                    file + " after " + history);
        }
    }

    /** Reads every model and checkpoint file in full; the reader verifies the CRC-32 and every field. */
    private static void checkEveryModelFile(Path output, List<String> history) throws IOException {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".cjm")) {
                    ModelFile.read(file);
                } else if (name.endsWith(".tmp")) {
                    // A write cut short leaves its temporary file; the target name is never touched.
                    history.add("left over: " + name);
                }
            }
        }
    }

    private static int completedEpochs(Path output) throws IOException {
        Path checkpoint = output.resolve("checkpoint.cjm");
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        JsonNode trainer = ModelFile.read(checkpoint).header().get("trainer");
        return trainer.get("completed_epochs").asInt();
    }

    private static void assertSameTensors(ModelContents expected, ModelContents actual, String context) {
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet(), context);
        for (Map.Entry<String, Tensor> entry : expected.tensors().entrySet()) {
            Tensor other = actual.tensors().get(entry.getKey());
            assertEquals(entry.getValue().shape(), other.shape(), entry.getKey());
            double[] want = entry.getValue().toDoubleArray();
            double[] got = other.toDoubleArray();
            for (int i = 0; i < want.length; i++) {
                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]),
                        entry.getKey() + "[" + i + "] differs: " + want[i] + " vs " + got[i] + "; " + context);
            }
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
