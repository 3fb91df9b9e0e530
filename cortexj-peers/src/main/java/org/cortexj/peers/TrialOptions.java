package org.cortexj.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cortexj.data.mnist.Mnist;

/**
 * Settings of one child JVM: which system, which measurement and its sizes. The driver builds
 * these arguments; {@link TrialMain} parses them.
 *
 * @param system the library measured
 * @param mode {@code throughput} or {@code accuracy}
 * @param threads intra-op threads of the library (cortexj workers and OpenBLAS threads, or
 *     PyTorch intra-op and inter-op threads)
 * @param seed seed of the starting weights and of the synthetic data
 * @param batch training batch size
 * @param inferenceBatch inference batch size (throughput only)
 * @param warmupSeconds seconds of training, then as many of inference, before measuring
 *     (throughput only; each half runs at least 3 steps)
 * @param rounds number of measured rounds, each a training block then an inference block
 * @param roundSeconds minimum seconds of each block
 * @param maxEpochs epochs after which the accuracy run stops even below the target
 * @param targetAccuracy test accuracy that ends the accuracy run
 * @param trainImages number of MNIST training images used, from the first (accuracy only)
 * @param mnistFolder folder of MNIST IDX files, or null for cortexj's cache folder
 * @param cortexjWorkers whether cortexj runs one network on {@code threads} backend workers
 *     instead of {@code threads} data-parallel replicas of one worker each
 */
record TrialOptions(SystemKind system, String mode, int threads, long seed, int batch, int inferenceBatch,
                    double warmupSeconds, int rounds, double roundSeconds, int maxEpochs,
                    double targetAccuracy, int trainImages, String mnistFolder,
                    boolean cortexjWorkers) {

    static final String THROUGHPUT = "throughput";
    static final String ACCURACY = "accuracy";

    private static final Set<String> VALUE_OPTIONS = Set.of("system", "mode", "threads", "seed", "batch",
            "inference-batch", "warmup-seconds", "rounds", "round-seconds", "max-epochs", "target", "train-images", "mnist");

    /**
     * Parses the arguments {@link #toArguments()} writes.
     *
     * @throws IllegalArgumentException if an option is unknown or out of range
     */
    static TrialOptions parse(String[] args) {
        OptionParser parser = OptionParser.parse(args, VALUE_OPTIONS, Set.of("cortexj-workers"));
        String mode = parser.text("mode", THROUGHPUT);
        if (!mode.equals(THROUGHPUT) && !mode.equals(ACCURACY)) {
            throw new IllegalArgumentException("option --mode must be throughput or accuracy, got '" + mode + "'");
        }
        return new TrialOptions(
                SystemKind.parse(parser.text("system", "cortexj")),
                mode,
                parser.integer("threads", 2, 1),
                parser.integer("seed", 42, 0),
                parser.integer("batch", 128, 1),
                parser.integer("inference-batch", 1000, 1),
                parser.positiveNumber("warmup-seconds", 16, 3600),
                parser.integer("rounds", 5, 1),
                parser.positiveNumber("round-seconds", 2, 3600),
                parser.integer("max-epochs", 15, 1),
                parser.positiveNumber("target", 0.99, 1),
                parser.integer("train-images", Mnist.TRAIN_SIZE, 1),
                parser.text("mnist", null),
                parser.flag("cortexj-workers"));
    }

    /** Returns the arguments that {@link #parse(String[])} turns back into these options. */
    String[] toArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--system", system.label(), "--mode", mode, "--threads", Integer.toString(threads),
                "--seed", Long.toString(seed), "--batch", Integer.toString(batch),
                "--inference-batch", Integer.toString(inferenceBatch),
                "--warmup-seconds", Double.toString(warmupSeconds), "--rounds", Integer.toString(rounds),
                "--round-seconds", Double.toString(roundSeconds), "--max-epochs", Integer.toString(maxEpochs),
                "--target", Double.toString(targetAccuracy), "--train-images", Integer.toString(trainImages)));
        if (cortexjWorkers) {
            args.add("--cortexj-workers");
        }
        if (mnistFolder != null) {
            args.add("--mnist");
            args.add(mnistFolder);
        }
        return args.toArray(String[]::new);
    }
}
