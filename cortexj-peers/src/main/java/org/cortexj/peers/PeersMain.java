package org.cortexj.peers;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the side-by-side benchmark: runs the selected parts, each measurement in a
 * fresh child JVM, and prints the summary tables last so a rerun's figures are at the end of
 * its log. Exits with status 1 when an option is invalid or a child JVM fails.
 */
public final class PeersMain {

    private PeersMain() {
    }

    public static void main(String[] args) throws Exception {
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-peers: " + e.getMessage());
            System.err.println(DriverOptions.USAGE);
            System.exit(1);
            return;
        }
        if (options.help()) {
            System.out.println(DriverOptions.USAGE);
            return;
        }

        ChildJvm jvm = new ChildJvm(options.heap());
        List<String> summary = new ArrayList<>();
        try {
            if (!options.scaling() && !options.timeToAccuracy()) {
                summary.addAll(ThroughputComparison.run(options, jvm));
            }
            if (options.scaling()) {
                summary.addAll(ScalingRun.run(options, jvm));
            }
            if (options.timeToAccuracy()) {
                summary.addAll(AccuracyComparison.run(options, jvm));
            }
        } catch (IllegalStateException e) {
            System.err.println("run-peers: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.println();
        summary.forEach(System.out::println);
    }
}
