package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTablesTest {

    private static ChildJvm.Outcome outcome(String system, double train, double infer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("system", system);
        fields.put("trainImagesPerSecond", Double.toString(train));
        fields.put("inferImagesPerSecond", Double.toString(infer));
        fields.put("trainBusyCores", "1.9");
        fields.put("inferBusyCores", "2.0");
        fields.put("trainActiveThreads", "2.0");
        fields.put("inferActiveThreads", "2.0");
        fields.put("peakRssKiB", "1048576");
        fields.put("peakHeapBytes", "2097152");
        fields.put("osThreads", "30");
        return new ChildJvm.Outcome(system + " test build", TrialResult.of(fields));
    }

    private static Trials threePairs() {
        Trials trials = new Trials();
        double[] cortexjTrain = {100, 300, 200};
        for (double train : cortexjTrain) {
            trials.add(SystemKind.CORTEXJ, outcome("cortexj", train, 1000));
            trials.add(SystemKind.DJL, outcome("djl", 400, 500));
        }
        return trials;
    }

    @Test
    void pairRatiosDivideSameIndex() {
        List<Double> ratios = threePairs().pairRatios("trainImagesPerSecond").orElseThrow();

        assertEquals(List.of(0.25, 0.75, 0.5), ratios);
    }

    @Test
    void throughputTableShowsMedianAndRatios() {
        DriverOptions options = DriverOptions.parse(new String[] {"--pairs", "3"});

        List<String> lines = ThroughputComparison.summary(options, threePairs());
        String text = String.join("\n", lines);

        assertTrue(text.contains("cortexj: cortexj test build"), text);
        assertTrue(text.contains("200.0 (100.0..300.0)"), text);
        assertTrue(text.contains("ratio cortexj/djl per pair, training: 0.250 0.750 0.500; median 0.500"), text);
        assertTrue(text.contains("ratio cortexj/djl per pair, inference: 2.000 2.000 2.000; median 2.000"), text);
        assertTrue(text.contains("1024 (1024)"), "RSS of 1048576 KiB is 1024 MiB:\n" + text);
    }

    @Test
    void singleSystemHasNoRatios() {
        Trials trials = new Trials();
        trials.add(SystemKind.CORTEXJ, outcome("cortexj", 500, 2000));
        DriverOptions options = DriverOptions.parse(new String[] {"--systems", "cortexj", "--pairs", "1"});

        String text = String.join("\n", ThroughputComparison.summary(options, trials));

        assertTrue(text.contains("500.0 (500.0..500.0)"), text);
        assertTrue(!text.contains("ratio cortexj/djl"), text);
    }
}
