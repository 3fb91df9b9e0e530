package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.io.FileSystemFaults;
import org.cortexj.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unwritable checkpoint folder stops training before the first step, and a checkpoint that
 * cannot be saved (full disk) stops training with a message while the previous checkpoint stays
 * readable.
 */
class TrainingWriteFailureTest {

    @TempDir
    Path folder;

    private final ImageDataset train = TrainingFixtures.bars(64, 1);
    private final ImageDataset test = TrainingFixtures.bars(32, 2);

    private static TrainingSettings settings(int epochs, Path checkpoint) {
        return TrainingSettings.builder().epochs(epochs).batchSize(16).seed(3).learningRate(0.01)
                .checkpoint(checkpoint).evaluationBatchSize(32).build();
    }

    /** Records every listener call, to show whether training began. */
    private static final class Calls implements TrainingListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onStart(TrainingSettings settings, int firstEpoch, long parameters, String backend) {
            calls.add("start");
        }

        @Override
        public void onBatch(int epoch, int batch, int batches, long examples, double loss, double rate) {
            calls.add("batch " + epoch + "." + batch);
        }

        @Override
        public void onEpochEnd(EpochMetrics metrics, boolean improved) {
            calls.add("epoch " + metrics.epoch());
        }
    }

    @ParameterizedTest(name = "resume {0}")
    @ValueSource(booleans = {false, true})
    void readOnlyFolderFailsBeforeTraining(boolean resume) throws Exception {
        Path checkpoint = folder.resolve("checkpoint.cjm");
        new Trainer(TrainingFixtures.smallNetwork(), settings(1, checkpoint), List.of()).fit(train, test, false);
        byte[] previous = Files.readAllBytes(checkpoint);
        Calls calls = new Calls();
        boolean readOnly = FileSystemFaults.makeReadOnly(folder);
        try {
            assumeTrue(readOnly, "cannot make a folder read-only on this machine");
            Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), settings(2, checkpoint), List.of(calls));
            IOException e = assertThrows(IOException.class, () -> trainer.fit(train, test, resume));
            assertTrue(e.getMessage().contains("cannot write to the checkpoint folder " + folder.toAbsolutePath()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("nothing was trained"), e.getMessage());
        } finally {
            FileSystemFaults.makeWritable(folder);
        }
        assertEquals(List.of(), calls.calls);
        assertArrayEquals(previous, Files.readAllBytes(checkpoint));
    }

    @Test
    void fullDiskKeepsPreviousCheckpoint() throws Exception {
        Path sizing = folder.resolve("sizing.cjm");
        new Trainer(TrainingFixtures.smallNetwork(), settings(1, sizing), List.of()).fit(train, test, false);
        long checkpointBytes = Files.size(sizing);
        assumeTrue(checkpointBytes > 4096, "the page-sized free space below needs a checkpoint over one page");

        // Room for one checkpoint plus one free page: the second checkpoint's temporary file cannot fit.
        int kibibytes = (int) ((checkpointBytes + 4095) / 4096 * 4 + 4);
        Path disk = Files.createDirectory(folder.resolve("disk"));
        assumeTrue(FileSystemFaults.mountTinyDisk(disk, kibibytes), "mounting a tmpfs needs root");
        try {
            Path checkpoint = disk.resolve("checkpoint.cjm");
            Calls calls = new Calls();
            Trainer trainer = new Trainer(TrainingFixtures.smallNetwork(), settings(3, checkpoint), List.of(calls));

            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> trainer.fit(train, test, false));

            assertTrue(e.getMessage().contains("could not write checkpoint " + checkpoint), e.getMessage());
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertTrue(calls.calls.contains("epoch 1"), calls.calls.toString());
            assertEquals(1, ModelFile.read(checkpoint).header().get("trainer").get("completed_epochs").asInt());
            assertEquals(List.of(), FileSystemFaults.temporaryFiles(disk));
        } finally {
            FileSystemFaults.unmount(disk);
        }
    }
}
