package org.cortexj.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cortexj.data.Batch;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.data.mnist.Mnist;
import org.cortexj.data.mnist.Split;
import org.cortexj.tensor.Generator;

/**
 * Trains one system on MNIST until the test accuracy reaches the target or the epoch cap, and
 * reports the time taken. Both systems see the same batches in the same order, standardized by
 * cortexj's {@link BatchLoader} with the mean and standard deviation of the training pixels, and
 * are evaluated on all 10,000 test images after every epoch. The mean and standard deviation
 * come from the whole training set even when only its first images are used.
 */
final class AccuracyTrial {

    private static final int EVALUATION_BATCH = 1000;

    private AccuracyTrial() {
    }

    /**
     * Runs the training and returns its fields for the result line.
     *
     * @throws IOException if MNIST cannot be read or fetched
     */
    static Map<String, String> run(SeedSystem system, TrialOptions options) throws IOException {
        ImageDataset train = load(options.mnistFolder(), Split.TRAIN);
        ImageDataset test = load(options.mnistFolder(), Split.TEST);
        Normalization normalization = Normalization.of(train);
        ImageDataset used = options.trainImages() < train.size() ? train.first(options.trainImages()) : train;
        BatchLoader trainBatches = new BatchLoader(used, options.batch(), normalization);
        BatchLoader testBatches = new BatchLoader(test, EVALUATION_BATCH, normalization);
        Generator shuffle = new Generator(options.seed() + 4);
        System.gc();
        ProcessProbe.resetHeapPeaks();

        long start = System.nanoTime();
        long trainingNanos = 0;
        double accuracy = 0;
        int epoch = 0;
        while (epoch < options.maxEpochs() && accuracy < options.targetAccuracy()) {
            epoch++;
            long epochStart = System.nanoTime();
            double meanLoss = trainEpoch(system, trainBatches, shuffle);
            trainingNanos += System.nanoTime() - epochStart;
            accuracy = evaluate(system, testBatches);
            System.out.printf(Locale.ROOT, "epoch %d: mean training loss %.4f, test accuracy %.4f, %.1f s training,"
                            + " %.1f s since start%n",
                    epoch, meanLoss, accuracy, trainingNanos / 1e9, (System.nanoTime() - start) / 1e9);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reached", Boolean.toString(accuracy >= options.targetAccuracy()));
        fields.put("epochs", Integer.toString(epoch));
        fields.put("testAccuracy", TrialResult.decimal(accuracy));
        fields.put("trainingSeconds", TrialResult.decimal(trainingNanos / 1e9));
        fields.put("wallSeconds", TrialResult.decimal(wallSeconds));
        return fields;
    }

    private static ImageDataset load(String folder, Split split) throws IOException {
        return folder == null ? Mnist.load(split) : Mnist.loadFolder(Path.of(folder), split);
    }

    private static double trainEpoch(SeedSystem system, BatchLoader batches, Generator shuffle) {
        double lossSum = 0;
        int count = 0;
        for (Batch batch : batches.shuffled(shuffle)) {
            try (SeedSystem.PreparedBatch prepared = prepare(system, batch)) {
                lossSum += system.trainStep(prepared);
                count++;
            }
        }
        return lossSum / count;
    }

    private static double evaluate(SeedSystem system, BatchLoader batches) {
        int correct = 0;
        for (Batch batch : batches.inOrder()) {
            try (SeedSystem.PreparedBatch prepared = prepare(system, batch)) {
                correct += Accuracy.countCorrect(system.infer(prepared), batch.labels().toIntArray(), 10);
            }
        }
        return correct / (double) batches.dataset().size();
    }

    private static SeedSystem.PreparedBatch prepare(SeedSystem system, Batch batch) {
        return system.prepare(batch.images().toFloatArray(), batch.labels().toIntArray(), batch.size());
    }
}
