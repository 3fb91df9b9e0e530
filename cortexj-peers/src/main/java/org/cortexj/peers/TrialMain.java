package org.cortexj.peers;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.data.mnist.Mnist;
import org.cortexj.tensor.DefaultBackend;

/**
 * Entry point of a child JVM: measures one system once and prints a {@value #SYSTEM_PREFIX}
 * line with its description, progress lines, and last one {@link TrialResult} line that ends
 * with the process's peak resident set size, peak heap and thread count.
 */
public final class TrialMain {

    static final String SYSTEM_PREFIX = "SYSTEM ";

    private TrialMain() {
    }

    public static void main(String[] args) throws IOException {
        TrialOptions options = TrialOptions.parse(args);
        try (SeedSystem system = create(options)) {
            System.out.println(SYSTEM_PREFIX + system.description());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("system", options.system().label());
            fields.put("mode", options.mode());
            fields.put("threads", Integer.toString(options.threads()));
            fields.put("batch", Integer.toString(options.batch()));
            fields.putAll(options.mode().equals(TrialOptions.ACCURACY)
                    ? AccuracyTrial.run(system, options)
                    : ThroughputTrial.run(system, options));
            fields.putAll(resourceFields());
            System.out.println(TrialResult.of(fields).format());
        }
    }

    private static SeedSystem create(TrialOptions options) {
        if (options.system() == SystemKind.CORTEXJ) {
            int replicas = options.cortexjWorkers() ? 1 : options.threads();
            return CortexjSeed.create(options.threads(), options.seed(), decaySteps(options), replicas);
        }
        // cortexj still draws the starting weights and the data here. One worker keeps idle
        // backend threads out of the DJL process, and the drawn values do not depend on it.
        DefaultBackend.set(new CpuBackend(1, true));
        return DjlSeed.create(options.threads(), options.batch(), SeedWeights.draw(options.seed()),
                decaySteps(options));
    }

    /**
     * Returns the updates of the cosine schedule of an accuracy run: every step up to the epoch
     * cap, so a run that reaches the target early stops with the rate still high. Throughput
     * runs keep the rate constant (0).
     */
    static long decaySteps(TrialOptions options) {
        if (!options.mode().equals(TrialOptions.ACCURACY)) {
            return 0;
        }
        long images = Math.min(options.trainImages(), Mnist.TRAIN_SIZE);
        return options.maxEpochs() * ((images + options.batch() - 1) / options.batch());
    }

    private static Map<String, String> resourceFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("peakRssKiB", Long.toString(ProcessProbe.peakResidentKibibytes().orElse(-1)));
        fields.put("peakHeapBytes", Long.toString(ProcessProbe.peakHeapBytes()));
        fields.put("osThreads", Long.toString(ProcessProbe.threadCount().orElse(-1)));
        return fields;
    }
}
