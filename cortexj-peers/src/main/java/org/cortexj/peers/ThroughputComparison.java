package org.cortexj.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main comparison: {@code pairs} rounds in which each system runs one throughput trial in
 * its own JVM, in the order of {@code --systems} (A B A B ...), then the summary table.
 */
final class ThroughputComparison {

    private static final double KIB_PER_MIB = 1024;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final String ROW = "%-8s  %-26s  %-26s  %-13s  %-14s  %-13s  %-13s  %s";

    private ThroughputComparison() {
    }

    /** Runs the trials and returns the summary lines. */
    static List<String> run(DriverOptions options, ChildJvm jvm) throws IOException, InterruptedException {
        Trials trials = new Trials();
        for (int pair = 1; pair <= options.pairs(); pair++) {
            for (SystemKind system : options.systems()) {
                String label = system.label() + " " + pair + "/" + options.pairs();
                TrialOptions trial = options.throughputTrial(system, options.threads(), options.batch(),
                        options.inferenceBatch());
                trials.add(system, jvm.run(label, trial));
            }
        }
        return summary(options, trials);
    }

    static List<String> summary(DriverOptions options, Trials trials) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "== throughput: seed network, %d threads, training batch %d,"
                        + " inference batch %d, trials per system: %d, each the median of %d rounds of >= %.1f s ==",
                options.threads(), options.batch(), options.inferenceBatch(), options.pairs(), options.rounds(),
                options.roundSeconds()));
        for (SystemKind system : options.systems()) {
            lines.add(system.label() + ": " + trials.of(system).get(0).description());
        }
        lines.add(String.format(Locale.ROOT, ROW, "system", "training images/s", "inference images/s", "busy cores",
                "active threads", "peak RSS MiB", "peak heap MiB", "OS threads"));
        lines.add(String.format(Locale.ROOT, ROW, "", "median (min..max)", "median (min..max)", "train / infer",
                "train / infer", "median (max)", "median (max)", "max"));
        for (SystemKind system : options.systems()) {
            lines.add(row(system, trials));
        }
        addRatios(lines, trials, "training", "trainImagesPerSecond");
        addRatios(lines, trials, "inference", "inferImagesPerSecond");
        lines.add("busy cores: process CPU time / wall time; active threads: threads with >= 1/4 of the busiest"
                + " thread's CPU time");
        lines.add("peak heap: sum of the heap pools' peaks after warm-up; peak RSS: whole child JVM");
        return lines;
    }

    private static String row(SystemKind system, Trials trials) {
        Statistics train = trials.statistics(system, "trainImagesPerSecond");
        Statistics infer = trials.statistics(system, "inferImagesPerSecond");
        Statistics trainCores = trials.statistics(system, "trainBusyCores");
        Statistics inferCores = trials.statistics(system, "inferBusyCores");
        Statistics trainThreads = trials.statistics(system, "trainActiveThreads");
        Statistics inferThreads = trials.statistics(system, "inferActiveThreads");
        Statistics rss = trials.statistics(system, "peakRssKiB");
        Statistics heap = trials.statistics(system, "peakHeapBytes");
        Statistics threads = trials.statistics(system, "osThreads");
        return String.format(Locale.ROOT, ROW, system.label(), spread(train), spread(infer),
                String.format(Locale.ROOT, "%.2f / %.2f", trainCores.median(), inferCores.median()),
                String.format(Locale.ROOT, "%.1f / %.1f", trainThreads.median(), inferThreads.median()),
                String.format(Locale.ROOT, "%.0f (%.0f)", rss.median() / KIB_PER_MIB, rss.max() / KIB_PER_MIB),
                String.format(Locale.ROOT, "%.0f (%.0f)", heap.median() / BYTES_PER_MIB, heap.max() / BYTES_PER_MIB),
                String.format(Locale.ROOT, "%.0f", threads.max()));
    }

    static String spread(Statistics statistics) {
        return String.format(Locale.ROOT, "%.1f (%.1f..%.1f)", statistics.median(), statistics.min(), statistics.max());
    }

    private static void addRatios(List<String> lines, Trials trials, String name, String field) {
        Optional<List<Double>> ratios = trials.pairRatios(field);
        if (ratios.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("ratio cortexj/djl per pair, " + name + ":");
        for (double ratio : ratios.get()) {
            line.append(String.format(Locale.ROOT, " %.3f", ratio));
        }
        line.append(String.format(Locale.ROOT, "; median %.3f", Statistics.of(ratios.get()).median()));
        lines.add(line.toString());
    }
}
