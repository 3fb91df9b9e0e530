package org.cortexj.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Measures training and inference images/s of one system on synthetic data: a warm-up, then
 * rounds that alternate a training block and an inference block.
 */
final class ThroughputTrial {

    private static final int MIN_WARMUP_STEPS = 3;

    private ThroughputTrial() {
    }

    /** Runs the measurement and returns its fields for the result line. */
    static Map<String, String> run(SeedSystem system, TrialOptions options) {
        int batch = options.batch();
        int inferenceBatch = options.inferenceBatch();
        float[] trainImages = SyntheticData.images(batch, options.seed() + 2);
        float[] inferenceImages = SyntheticData.images(inferenceBatch, options.seed() + 3);
        try (SeedSystem.PreparedBatch training = system.prepare(trainImages, SyntheticData.labels(batch), batch);
             SeedSystem.PreparedBatch inference = system.prepare(inferenceImages,
                     SyntheticData.labels(inferenceBatch), inferenceBatch)) {
            double[] lastLoss = new double[1];
            Runnable trainStep = () -> lastLoss[0] = system.trainStep(training);
            Runnable inferStep = () -> system.infer(inference);

            double half = options.warmupSeconds() / 2;
            TimedBlock warmTrain = TimedBlock.run(trainStep, batch, half, MIN_WARMUP_STEPS);
            TimedBlock warmInfer = TimedBlock.run(inferStep, inferenceBatch, half, MIN_WARMUP_STEPS);
            System.out.printf(Locale.ROOT, "warm-up: %d training steps, %d inference steps, loss %.4f%n",
                    warmTrain.steps(), warmInfer.steps(), lastLoss[0]);
            System.gc();
            ProcessProbe.resetHeapPeaks();

            List<TimedBlock> trainBlocks = new ArrayList<>();
            List<TimedBlock> inferBlocks = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                TimedBlock train = TimedBlock.run(trainStep, batch, options.roundSeconds(), 1);
                TimedBlock infer = TimedBlock.run(inferStep, inferenceBatch, options.roundSeconds(), 1);
                trainBlocks.add(train);
                inferBlocks.add(infer);
                System.out.printf(Locale.ROOT, "round %d: training %s, inference %s, loss %.4f%n",
                        round, describe(train), describe(infer), lastLoss[0]);
            }
            return fields(trainBlocks, inferBlocks);
        }
    }

    private static String describe(TimedBlock block) {
        return String.format(Locale.ROOT, "%.1f images/s (%d steps, %.2f busy cores, %d active threads)",
                block.imagesPerSecond(), block.steps(), block.busyCores(), block.activeThreads());
    }

    private static Map<String, String> fields(List<TimedBlock> trainBlocks, List<TimedBlock> inferBlocks) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("trainImagesPerSecond", TrialResult.decimal(median(trainBlocks, TimedBlock::imagesPerSecond)));
        fields.put("inferImagesPerSecond", TrialResult.decimal(median(inferBlocks, TimedBlock::imagesPerSecond)));
        fields.put("trainBusyCores", TrialResult.decimal(median(trainBlocks, TimedBlock::busyCores)));
        fields.put("inferBusyCores", TrialResult.decimal(median(inferBlocks, TimedBlock::busyCores)));
        fields.put("trainActiveThreads", TrialResult.decimal(median(trainBlocks, TimedBlock::activeThreads)));
        fields.put("inferActiveThreads", TrialResult.decimal(median(inferBlocks, TimedBlock::activeThreads)));
        return fields;
    }

    private static double median(List<TimedBlock> blocks, ToDoubleFunction<TimedBlock> value) {
        List<Double> values = new ArrayList<>();
        for (TimedBlock block : blocks) {
            values.add(value.applyAsDouble(block));
        }
        return Statistics.of(values).median();
    }
}
