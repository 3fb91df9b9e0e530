package org.cortexj.train.report;

import java.util.List;
import java.util.Optional;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.EpochMetrics;

/**
 * Everything a training report shows.
 *
 * @param context who wrote the report, for which model file and test set, on which machine
 * @param run settings and totals of the training run, from the model metadata
 * @param network the network description, for the summary table
 * @param history metrics of every epoch, or empty when the model stores no history
 * @param evaluation metrics and per-image predictions of one pass over {@code testImages}
 * @param testImages the evaluated images, in the order of the predictions
 * @param filters learned filters of the first layer when it is a convolution
 */
public record ReportData(ReportContext context, RunSettings run, NetworkDescription network,
                         List<EpochMetrics> history, DetailedEvaluation evaluation, ImageDataset testImages,
                         Optional<ConvFilters> filters) {

    public ReportData {
        history = List.copyOf(history);
        if (evaluation.predictions().size() != testImages.size()) {
            throw new IllegalArgumentException("ReportData: " + evaluation.predictions().size() + " predictions for "
                    + testImages.size() + " test images; evaluate the same dataset that is shown");
        }
    }

    public boolean hasHistory() {
        return !history.isEmpty();
    }
}
