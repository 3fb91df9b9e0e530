package org.cortexj.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.train.EvaluationResult;
import org.cortexj.train.Evaluator;
import org.cortexj.train.ModelStore;
import org.cortexj.train.ProgressListener;
import org.cortexj.train.Trainer;
import org.cortexj.train.TrainingListener;
import org.cortexj.train.TrainingResult;
import org.cortexj.train.report.ComparisonReport;
import org.cortexj.train.report.ComparisonRun;
import org.cortexj.train.report.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cortexj compare}: the same network and recipe with several activations, as a table. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the same network with several activations and print one row per activation: epochs, "
                + "images seen, test accuracy after a budget of images, best test accuracy, wall time. Writes "
                + "OUTPUT/compare.html with the curves of every activation overlaid, and OUTPUT/curves.png.")
final class CompareCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Mixin
    TrainCommand.TrainingOptions options;

    @Option(names = "--activations", defaultValue = "selu,relu", split = ",",
            description = "Activations to compare, comma separated (default: ${DEFAULT-VALUE}).")
    List<String> activations;

    @Option(names = "--budget-images", defaultValue = "102400", paramLabel = "N",
            description = "Also report test accuracy once this many training images were seen; 102400 is cortex's "
                    + "100 epochs of 1024 images (default: ${DEFAULT-VALUE}).")
    long budgetImages;

    @Option(names = "--output", defaultValue = "out/compare", paramLabel = "DIR",
            description = "Folder for one model per activation, DIR/ACTIVATION/model.cjm, and for compare.html and "
                    + "curves.png (default: ${DEFAULT-VALUE}).")
    Path output;

    private final PrintStream out;

    CompareCommand(PrintStream out) {
        this.out = out;
    }

    /** One finished row of the table. */
    private record Row(String activation, TrainingResult result, long imagesSeen, double budgetAccuracy) {
    }

    @Override
    public Integer call() throws Exception {
        options.validate();
        ImageDataset train = options.trainingData();
        ImageDataset test = options.testData();
        List<Row> rows = new ArrayList<>();
        for (String activation : activations) {
            options.activation = activation;
            NetworkDescription network = options.network();
            Path folder = output.resolve(activation);
            Files.createDirectories(folder);
            Trainer[] holder = new Trainer[1];
            BudgetProbe probe = new BudgetProbe(() -> holder[0], test, Normalization.of(train), budgetImages);
            Trainer trainer = new Trainer(network, options.settings(folder.resolve("checkpoint.cjm"), train.size()),
                    List.of(new ProgressListener(out, System.console() != null, 100), probe));
            holder[0] = trainer;
            out.println("compare: training with " + activation);
            TrainingResult result = trainer.fit(train, test, false);
            var metadata = trainer.metadata(Normalization.of(train));
            metadata.put("schedule", ScheduleChoice.describe(options.schedule, options.decayImages));
            RunMetadata.record(metadata, options.dataset, result, train.size(), test.size());
            ModelStore.save(folder.resolve("model.cjm"), trainer.network(), metadata);
            rows.add(new Row(activation, result, (long) result.history().size() * train.size(), probe.accuracy));
        }
        printTable(rows);
        writePage(rows, train.size(), test.size());
        return 0;
    }

    private void writePage(List<Row> rows, int trainImages, int testImages) throws java.io.IOException {
        List<ComparisonRun> runs = new ArrayList<>();
        for (Row row : rows) {
            runs.add(new ComparisonRun(row.activation(), row.result().history(), row.result().bestEpoch(),
                    row.result().best().accuracy(), row.result().seconds()));
        }
        var settings = new LinkedHashMap<String, String>();
        settings.put("network", options.network);
        settings.put("dataset", String.format(Locale.ROOT, "%s, %,d training and %,d test images", options.dataset,
                trainImages, testImages));
        settings.put("optimizer", String.format(Locale.ROOT, "%s, learning rate %s, batch size %d", options.optimizer,
                options.learningRate, options.batchSize) + regularization());
        settings.put("schedule", ScheduleChoice.describe(options.schedule, options.decayImages));
        settings.put("epochs", options.epochs + (options.patience > 0 ? ", patience " + options.patience : ""));
        settings.put("seed", Long.toString(options.seed));
        ComparisonReport.WrittenComparison page = ComparisonReport.write(output.resolve("compare.html"), runs,
                settings);
        out.printf(Locale.ROOT, "report: %s%ncharts: %s%n", page.html().toAbsolutePath(),
                page.curves().toAbsolutePath());
    }

    /** Describes the weight decay and label smoothing when either is on; returns "" otherwise. */
    private String regularization() {
        String text = "";
        if (options.weightDecay != null && options.weightDecay > 0) {
            text += ", weight decay " + options.weightDecay;
        }
        if (options.labelSmoothing > 0) {
            text += ", label smoothing " + options.labelSmoothing;
        }
        return text;
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-10s %6s %12s %18s %14s %10s%n", "activation", "epochs", "images seen",
                "acc @ " + budgetImages, "best test acc", "wall s");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-10s %6d %12d %18s %14.4f %10.1f%n", row.activation(),
                    row.result().history().size(), row.imagesSeen(),
                    Double.isNaN(row.budgetAccuracy()) ? "not reached" : String.format(Locale.ROOT, "%.4f",
                            row.budgetAccuracy()), row.result().best().accuracy(), row.result().seconds());
        }
    }

    /** Evaluates the network once when the running count of training images reaches the budget. */
    private static final class BudgetProbe implements TrainingListener {
        private final java.util.function.Supplier<Trainer> trainer;
        private final BatchLoader testLoader;
        private final int classes;
        private final long budget;
        private long seenBeforeEpoch;
        private long seenInEpoch;
        double accuracy = Double.NaN;

        BudgetProbe(java.util.function.Supplier<Trainer> trainer, ImageDataset test, Normalization normalization,
                    long budget) {
            this.trainer = trainer;
            this.testLoader = new BatchLoader(test, 1000, normalization);
            this.classes = test.classCount();
            this.budget = budget;
        }

        @Override
        public void onBatch(int epoch, int batch, int batches, long examples, double loss, double imagesPerSecond) {
            long before = seenBeforeEpoch + seenInEpoch;
            seenInEpoch = examples;
            long now = seenBeforeEpoch + examples;
            if (Double.isNaN(accuracy) && before < budget && now >= budget) {
                EvaluationResult result = Evaluator.evaluate(trainer.get().network(), testLoader, classes);
                accuracy = result.accuracy();
            }
            if (batch == batches) {
                seenBeforeEpoch += examples;
                seenInEpoch = 0;
            }
        }
    }
}
