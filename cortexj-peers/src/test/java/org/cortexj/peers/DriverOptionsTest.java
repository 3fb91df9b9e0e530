package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {

    @Test
    void defaultsMatchSeedNetworkSettings() {
        DriverOptions options = DriverOptions.parse(new String[0]);

        assertEquals(List.of(SystemKind.CORTEXJ, SystemKind.DJL), options.systems());
        assertEquals(5, options.pairs());
        assertEquals(2, options.threads());
        assertEquals(128, options.batch());
        assertEquals(1000, options.inferenceBatch());
        assertFalse(options.scaling());
        assertFalse(options.timeToAccuracy());
        assertEquals(0.99, options.targetAccuracy());
        assertNull(options.mnistFolder());
        assertEquals("6g", options.heap());
        assertEquals(60_000, options.trainImages());
    }

    @Test
    void systemsKeepGivenOrder() {
        DriverOptions options = DriverOptions.parse(new String[] {"--systems", "djl,CortexJ"});

        assertEquals(List.of(SystemKind.DJL, SystemKind.CORTEXJ), options.systems());
    }

    @Test
    void badSystemListsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DriverOptions.parse(new String[] {"--systems", "tf"}));
        assertThrows(IllegalArgumentException.class,
                () -> DriverOptions.parse(new String[] {"--systems", "djl,djl"}));
        assertThrows(IllegalArgumentException.class, () -> DriverOptions.parse(new String[] {"--systems", ","}));
    }

    @Test
    void badHeapSizeRejected() {
        assertThrows(IllegalArgumentException.class, () -> DriverOptions.parse(new String[] {"--heap", "6 GB"}));
    }

    @Test
    void trialArgumentsRoundTrip() {
        DriverOptions options = DriverOptions.parse(new String[] {"--round-seconds", "0.5", "--mnist", "/data/mnist",
                "--seed", "7", "--time-to-accuracy", "--max-epochs", "3", "--train-images", "1280"});

        TrialOptions throughput = options.throughputTrial(SystemKind.DJL, 1, 32, 32);
        TrialOptions accuracy = options.accuracyTrial(SystemKind.CORTEXJ);

        assertEquals(throughput, TrialOptions.parse(throughput.toArguments()));
        assertEquals(accuracy, TrialOptions.parse(accuracy.toArguments()));
        assertEquals(1, throughput.threads());
        assertEquals(32, throughput.inferenceBatch());
        assertEquals(TrialOptions.ACCURACY, accuracy.mode());
        assertEquals(3, accuracy.maxEpochs());
        assertEquals(1280, accuracy.trainImages());
        assertTrue(options.timeToAccuracy());
    }

    @Test
    void cosineSpansEpochCapOnly() {
        DriverOptions options = DriverOptions.parse(new String[] {"--time-to-accuracy", "--max-epochs", "3",
                "--train-images", "1280", "--batch", "100"});

        // 1,280 images in batches of 100 are 13 steps per epoch, 39 over the cap of 3 epochs.
        assertEquals(39, TrialMain.decaySteps(options.accuracyTrial(SystemKind.CORTEXJ)));
        assertEquals(0, TrialMain.decaySteps(options.throughputTrial(SystemKind.CORTEXJ, 1, 100, 100)));
    }

    @Test
    void unknownTrialModeRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrialOptions.parse(new String[] {"--mode", "fast"}));
    }
}
