package org.cortexj.train.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cortexj.train.EpochMetrics;

/** The line charts of an epoch history: loss and accuracy per epoch, training and test sets. */
public final class HistoryCharts {

    static final Rgb TRAIN = Rgb.hex("#1f77b4");
    static final Rgb TEST = Rgb.hex("#d95f02");
    static final String LOSS_LABEL = "cross-entropy loss (nats per image)";
    static final String ACCURACY_LABEL = "accuracy (%)";

    private HistoryCharts() {
    }

    /** Builds the loss chart, then the accuracy chart with accuracy in percent. */
    public static List<LineChart> of(List<EpochMetrics> history) {
        LineChart loss = new LineChart("loss-chart", "Loss per epoch", "epoch", LOSS_LABEL, "%.4f", List.of(
                series("train", "training set", TRAIN, false, history, EpochMetrics::trainLoss, 1),
                series("test", "test set", TEST, true, history, EpochMetrics::testLoss, 1)));
        LineChart accuracy = new LineChart("accuracy-chart", "Accuracy per epoch", "epoch", ACCURACY_LABEL,
                "%.2f %%", List.of(
                series("train", "training set", TRAIN, false, history, EpochMetrics::trainAccuracy, 100),
                series("test", "test set", TEST, true, history, EpochMetrics::testAccuracy, 100)));
        return List.of(loss, accuracy);
    }

    static Series series(String key, String name, Rgb color, boolean dashed, List<EpochMetrics> history,
                         ToDoubleFunction<EpochMetrics> metric, double factor) {
        double[] x = new double[history.size()];
        double[] y = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            x[i] = history.get(i).epoch();
            y[i] = metric.applyAsDouble(history.get(i)) * factor;
        }
        return new Series(key, name, color, dashed, x, y);
    }
}
