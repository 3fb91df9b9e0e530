package org.cortexj.peers;

import java.util.List;
import java.util.Set;
import org.cortexj.data.mnist.Mnist;

/**
 * Options of the benchmark driver. Without {@code --scaling} or {@code --time-to-accuracy} the
 * driver runs the throughput comparison; each of those flags selects its own part instead.
 *
 * @param systems systems to measure, in the order they alternate
 * @param pairs number of trials per system (throughput and scaling)
 * @param threads threads per system (throughput and time to accuracy)
 * @param batch training batch size (throughput and time to accuracy)
 * @param inferenceBatch inference batch size (throughput)
 * @param warmupSeconds warm-up seconds in each child JVM
 * @param rounds measured rounds in each child JVM
 * @param roundSeconds minimum seconds of each measured block
 * @param scaling whether to run the grid of batch sizes and thread counts
 * @param timeToAccuracy whether to train on MNIST to the target accuracy
 * @param maxEpochs epoch cap of the accuracy run
 * @param targetAccuracy test accuracy that ends the accuracy run
 * @param trainImages number of MNIST training images the accuracy run uses, from the first
 * @param mnistFolder folder of MNIST IDX files, or null for cortexj's cache folder
 * @param heap maximum heap of each child JVM, as for {@code -Xmx}
 * @param seed seed of the starting weights and the synthetic data
 * @param help whether to print the usage and stop
 * @param cortexjWorkers whether cortexj runs one network on {@code threads} backend workers
 *     instead of its default, {@code threads} data-parallel replicas of one worker each
 */
record DriverOptions(List<SystemKind> systems, int pairs, int threads, int batch, int inferenceBatch,
                     double warmupSeconds, int rounds, double roundSeconds, boolean scaling,
                     boolean timeToAccuracy, int maxEpochs, double targetAccuracy, int trainImages,
                     String mnistFolder,
                     String heap, long seed, boolean help, boolean cortexjWorkers) {

    /** Batch sizes of the scaling grid. */
    static final List<Integer> SCALING_BATCHES = List.of(1, 32, 128, 512);

    /** Thread counts of the scaling grid. */
    static final List<Integer> SCALING_THREADS = List.of(1, 2);

    private static final Set<String> VALUE_OPTIONS = Set.of("systems", "pairs", "threads", "batch",
            "inference-batch", "warmup-seconds", "rounds", "round-seconds", "max-epochs", "target", "train-images",
            "mnist",
            "heap", "seed");
    private static final Set<String> FLAG_OPTIONS = Set.of("scaling", "time-to-accuracy", "help",
            "cortexj-workers");

    static final String USAGE = String.join("\n",
            "usage: benchmarks/run-peers.sh [options]",
            "Trains and runs the seed network (conv 5x5x20, max-pool, SELU, conv 5x5x50, max-pool, SELU,",
            "linear 1000, dropout 0.6, linear 10, softmax cross-entropy, Adam 1e-3) in cortexj and in",
            "DJL on PyTorch, each measurement in a fresh child JVM, and prints a summary table last.",
            "",
            "  --systems LIST          systems to measure, alternating in this order (default cortexj,djl)",
            "  --pairs N               trials per system for throughput and scaling (default 5)",
            "  --threads N             threads per system (default 2); scaling always uses 1 and 2",
            "  --cortexj-workers       run cortexj as one network on N backend workers instead of N",
            "                          data-parallel replicas of one worker each (the default)",
            "  --batch N               training batch size (default 128); scaling uses 1, 32, 128, 512",
            "  --inference-batch N     inference batch size (default 1000); scaling uses the training batch",
            "  --warmup-seconds S      warm-up per child, half training and half inference (default 16)",
            "  --rounds N              measured rounds per child, each training then inference (default 5)",
            "  --round-seconds S       minimum seconds of each measured block (default 2)",
            "  --scaling               measure images/s for batch 1, 32, 128, 512 with 1 and 2 threads",
            "  --time-to-accuracy      train on MNIST until the test accuracy reaches --target",
            "  --target A              test accuracy that ends --time-to-accuracy (default 0.99)",
            "  --max-epochs N          epoch cap of --time-to-accuracy (default 15)",
            "  --train-images N        train --time-to-accuracy on the first N images (default 60000)",
            "  --mnist DIR             folder of MNIST IDX files (default: cortexj's cache, fetched if missing)",
            "  --heap SIZE             maximum heap of each child JVM, as for -Xmx (default 6g)",
            "  --seed N                seed of the starting weights and the synthetic data (default 42)",
            "  --help                  print this text");

    /**
     * Parses the driver's arguments.
     *
     * @throws IllegalArgumentException if an option is unknown or out of range
     */
    static DriverOptions parse(String[] args) {
        OptionParser parser = OptionParser.parse(args, VALUE_OPTIONS, FLAG_OPTIONS);
        String heap = parser.text("heap", "6g");
        if (!heap.matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException("option --heap needs a size such as 6g or 4096m, got '" + heap + "'");
        }
        return new DriverOptions(
                SystemKind.parseList(parser.text("systems", "cortexj,djl")),
                parser.integer("pairs", 5, 1),
                parser.integer("threads", 2, 1),
                parser.integer("batch", 128, 1),
                parser.integer("inference-batch", 1000, 1),
                parser.positiveNumber("warmup-seconds", 16, 3600),
                parser.integer("rounds", 5, 1),
                parser.positiveNumber("round-seconds", 2, 3600),
                parser.flag("scaling"),
                parser.flag("time-to-accuracy"),
                parser.integer("max-epochs", 15, 1),
                parser.positiveNumber("target", 0.99, 1),
                parser.integer("train-images", Mnist.TRAIN_SIZE, 1),
                parser.text("mnist", null),
                heap,
                parser.integer("seed", 42, 0),
                parser.flag("help"),
                parser.flag("cortexj-workers"));
    }

    /** Returns the child settings for a throughput trial of {@code system}. */
    TrialOptions throughputTrial(SystemKind system, int trialThreads, int trainBatch, int trialInferenceBatch) {
        return new TrialOptions(system, TrialOptions.THROUGHPUT, trialThreads, seed, trainBatch, trialInferenceBatch,
                warmupSeconds, rounds, roundSeconds, maxEpochs, targetAccuracy, trainImages, mnistFolder,
                cortexjWorkers);
    }

    /** Returns the child settings for the accuracy run of {@code system}. */
    TrialOptions accuracyTrial(SystemKind system) {
        return new TrialOptions(system, TrialOptions.ACCURACY, threads, seed, batch, inferenceBatch,
                warmupSeconds, rounds, roundSeconds, maxEpochs, targetAccuracy, trainImages, mnistFolder,
                cortexjWorkers);
    }
}
