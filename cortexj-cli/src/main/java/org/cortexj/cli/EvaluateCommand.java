package org.cortexj.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.data.mnist.Split;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.EvaluationResult;
import org.cortexj.train.Evaluator;
import org.cortexj.train.ModelStore;
import org.cortexj.train.report.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cortexj evaluate}: accuracy, per-class metrics and the confusion matrix of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a saved model on a test set: loss, accuracy, per-class precision, recall and F1, "
                + "and the confusion matrix (rows = true class, columns = predicted). Also writes the HTML report "
                + "with curves.png and confusion.png beside it.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file written by train.")
    Path model;

    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "mnist, fashion-mnist or a folder of IDX files (default: the dataset the model was trained on).")
    String dataset;

    @Option(names = "--limit-test", defaultValue = "0", paramLabel = "N",
            description = "Evaluate on the first N test images only; 0 uses all (default: ${DEFAULT-VALUE}).")
    int limitTest;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the HTML report to FILE and curves.png and confusion.png into its folder "
                    + "(default: report.html in the model's folder).")
    Path report;

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        ModelStore.LoadedModel loaded = ModelStore.load(model);
        String name = dataset != null ? dataset : loaded.metadata().path("dataset").asText("mnist");
        ImageDataset test = DatasetChoice.limit(DatasetChoice.load(name, Split.TEST), limitTest);
        BatchLoader loader = new BatchLoader(test, 1000, StoredNormalization.of(loaded.metadata()));
        DetailedEvaluation evaluation = Evaluator.evaluateWithPredictions(loaded.network(), loader, test.classCount());
        EvaluationResult result = evaluation.result();
        out.printf(Locale.ROOT, "model: %s%ndataset: %s (%d test images)%n", model, name, result.examples());
        out.printf(Locale.ROOT, "loss: %.6f%naccuracy: %.4f%n%n", result.loss(), result.accuracy());
        out.print(result.confusion().formatPerClass());
        out.println();
        out.print(result.confusion().format());
        Path html = report != null ? report : model.toAbsolutePath().resolveSibling("report.html");
        TrainingReport.WrittenReport files = ReportOutput.write(html, "cortexj evaluate", model, loaded.network(),
                loaded.metadata(), name, test, evaluation);
        out.println();
        ReportOutput.print(out, files);
        return 0;
    }
}
