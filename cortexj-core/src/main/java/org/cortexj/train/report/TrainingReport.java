package org.cortexj.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.EpochMetrics;
import org.cortexj.train.Evaluator;

/**
 * Writes the training report of a model: {@code report.html}, one self-contained page, and next
 * to it {@code curves.png} (when the model has an epoch history) and {@code confusion.png}.
 *
 * <p>Typical use after training or loading a model:
 * <pre>{@code
 * DetailedEvaluation evaluation = TrainingReport.evaluate(network, test, normalization);
 * ReportData data = TrainingReport.collect(network, metadata, test, evaluation, context);
 * WrittenReport files = TrainingReport.write(folder.resolve("report.html"), data);
 * }</pre>
 */
public final class TrainingReport {

    /** Evaluation batch size; it bounds memory, not results. */
    static final int EVALUATION_BATCH = 1000;

    private TrainingReport() {
    }

    /** Paths of the files {@link #write} wrote; {@code curves} is null when there was no history. */
    public record WrittenReport(Path html, Path curves, Path confusion) {
    }

    /**
     * Evaluates {@code network} on {@code test} in one pass in evaluation mode, keeping every
     * image's probabilities.
     */
    public static DetailedEvaluation evaluate(Network network, ImageDataset test, Normalization normalization) {
        BatchLoader loader = new BatchLoader(test, EVALUATION_BATCH, normalization);
        return Evaluator.evaluateWithPredictions(network, loader, test.classCount());
    }

    /**
     * Gathers what the report shows from a network, its model metadata and an evaluation of
     * {@code test}. The history comes from the metadata key {@code history} when present.
     */
    public static ReportData collect(Network network, JsonNode metadata, ImageDataset test,
                                     DetailedEvaluation evaluation, ReportContext context) {
        List<EpochMetrics> history = RunMetadata.history(metadata).orElse(List.of());
        return new ReportData(context, RunSettings.fromMetadata(metadata), network.description(), history, evaluation,
                test, ConvFilters.ofFirstLayer(network));
    }

    /**
     * Writes the page to {@code html} and the PNG charts into the same folder, each to a temporary
     * file first and then renamed into place. A stale {@code curves.png} is left alone when the
     * model has no history.
     */
    public static WrittenReport write(Path html, ReportData data) throws IOException {
        Path folder = html.toAbsolutePath().getParent();
        ReportFiles.writeText(html, ReportPage.render(data, Instant.now()));
        Path curves = null;
        if (data.hasHistory()) {
            curves = folder.resolve("curves.png");
            ReportFiles.writeBytes(curves, PngCharts.curves(HistoryCharts.of(data.history()), 2));
        }
        Path confusion = folder.resolve("confusion.png");
        ReportFiles.writeBytes(confusion, PngCharts.confusion(data.evaluation().result().confusion()));
        return new WrittenReport(html, curves, confusion);
    }
}
