package org.cortexj.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trains each system once on MNIST to the target test accuracy, in its own JVM, and tabulates the times. */
final class AccuracyComparison {

    private AccuracyComparison() {
    }

    /** Runs one accuracy trial per system and returns the summary lines. */
    static List<String> run(DriverOptions options, ChildJvm jvm) throws IOException, InterruptedException {
        Trials trials = new Trials();
        for (SystemKind system : options.systems()) {
            trials.add(system, jvm.run(system.label() + " accuracy", options.accuracyTrial(system)));
        }
        return summary(options, trials);
    }

    static List<String> summary(DriverOptions options, Trials trials) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "== time to MNIST test accuracy >= %.4f: batch %d, Adam 1e-3 with a cosine to 0"
                        + " over the epoch cap, %d threads,"
                        + " %d training images, at most %d epochs, evaluated after every epoch ==",
                options.targetAccuracy(), options.batch(), options.threads(), options.trainImages(),
                options.maxEpochs()));
        lines.add(String.format(Locale.ROOT, "%-8s  %-7s  %-6s  %-13s  %-10s  %-18s  %s", "system", "reached", "epochs",
                "test accuracy", "training s", "wall s (with eval)", "peak RSS MiB"));
        for (SystemKind system : options.systems()) {
            TrialResult result = trials.of(system).get(0).result();
            lines.add(String.format(Locale.ROOT, "%-8s  %-7s  %-6s  %-13.4f  %-10.1f  %-18.1f  %.0f", system.label(),
                    result.text("reached"), result.text("epochs"), result.number("testAccuracy"),
                    result.number("trainingSeconds"), result.number("wallSeconds"),
                    result.number("peakRssKiB") / 1024));
        }
        trials.pairRatios("wallSeconds").ifPresent(ratios -> lines.add(String.format(Locale.ROOT,
                "ratio cortexj/djl of wall seconds: %.3f (meaningful only where both reached the target)",
                ratios.get(0))));
        return lines;
    }
}
