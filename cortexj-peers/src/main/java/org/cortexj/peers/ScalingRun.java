package org.cortexj.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Images/s for every batch size in {@link DriverOptions#SCALING_BATCHES} and thread count in
 * {@link DriverOptions#SCALING_THREADS}, inference at the training batch size. Each pair runs the
 * whole grid, system after system per cell, so a disturbance spreads over the cells.
 */
final class ScalingRun {

    private ScalingRun() {
    }

    /** Runs the grid and returns the summary lines. */
    static List<String> run(DriverOptions options, ChildJvm jvm) throws IOException, InterruptedException {
        Map<String, Trials> cells = new LinkedHashMap<>();
        for (int threads : DriverOptions.SCALING_THREADS) {
            for (int batch : DriverOptions.SCALING_BATCHES) {
                cells.put(key(threads, batch), new Trials());
            }
        }
        for (int pair = 1; pair <= options.pairs(); pair++) {
            for (int threads : DriverOptions.SCALING_THREADS) {
                for (int batch : DriverOptions.SCALING_BATCHES) {
                    for (SystemKind system : options.systems()) {
                        String label = String.format(Locale.ROOT, "%s threads %d batch %d %d/%d", system.label(),
                                threads, batch, pair, options.pairs());
                        TrialOptions trial = options.throughputTrial(system, threads, batch, batch);
                        cells.get(key(threads, batch)).add(system, jvm.run(label, trial));
                    }
                }
            }
        }
        return summary(options, cells);
    }

    private static String key(int threads, int batch) {
        return threads + "x" + batch;
    }

    static List<String> summary(DriverOptions options, Map<String, Trials> cells) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "== scaling: images/s, median of %d trials per cell (min..max),"
                + " inference at the training batch size ==", options.pairs()));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-7s  %-5s", "threads", "batch"));
        for (SystemKind system : options.systems()) {
            header.append(String.format(Locale.ROOT, "  %-26s", system.label() + " training"));
        }
        header.append(String.format(Locale.ROOT, "  %-8s", "ratio"));
        for (SystemKind system : options.systems()) {
            header.append(String.format(Locale.ROOT, "  %-26s", system.label() + " inference"));
        }
        header.append("  ratio");
        lines.add(header.toString());
        for (int threads : DriverOptions.SCALING_THREADS) {
            for (int batch : DriverOptions.SCALING_BATCHES) {
                lines.add(row(options, threads, batch, cells.get(key(threads, batch))));
            }
        }
        lines.add("ratio: median over pairs of cortexj/djl images/s");
        return lines;
    }

    private static String row(DriverOptions options, int threads, int batch, Trials trials) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-7d  %-5d", threads, batch));
        for (SystemKind system : options.systems()) {
            row.append(String.format(Locale.ROOT, "  %-26s",
                    ThroughputComparison.spread(trials.statistics(system, "trainImagesPerSecond"))));
        }
        row.append(String.format(Locale.ROOT, "  %-8s", medianRatio(trials, "trainImagesPerSecond")));
        for (SystemKind system : options.systems()) {
            row.append(String.format(Locale.ROOT, "  %-26s",
                    ThroughputComparison.spread(trials.statistics(system, "inferImagesPerSecond"))));
        }
        row.append("  ").append(medianRatio(trials, "inferImagesPerSecond"));
        return row.toString();
    }

    private static String medianRatio(Trials trials, String field) {
        Optional<List<Double>> ratios = trials.pairRatios(field);
        return ratios.map(values -> String.format(Locale.ROOT, "%.3f", Statistics.of(values).median())).orElse("-");
    }
}
