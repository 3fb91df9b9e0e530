package org.cortexj.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that the DJL network is the cortexj network: given the same starting weights and input,
 * evaluation-mode logits and the first training loss agree. Needs libtorch from the
 * pytorch-native-cpu jar, which DJL extracts on first use.
 */
class SameNetworkTest {

    private static final long SEED = 42;
    private static final int COUNT = 16;

    @Test
    void djlMatchesCortexjLogitsAndLoss() {
        float[] images = SyntheticData.images(COUNT, 5);
        int[] labels = SyntheticData.labels(COUNT);
        List<SeedWeights.Weight> weights = SeedWeights.draw(SEED);

        float[] cortexjLogits;
        float[] djlLogits;
        try (SeedSystem cortexj = CortexjSeed.create(1, SEED);
             SeedSystem djl = DjlSeed.create(1, COUNT, weights);
             SeedSystem.PreparedBatch cortexjBatch = cortexj.prepare(images, labels, COUNT);
             SeedSystem.PreparedBatch djlBatch = djl.prepare(images, labels, COUNT)) {
            cortexjLogits = cortexj.infer(cortexjBatch);
            djlLogits = djl.infer(djlBatch);
            assertEquals(cortexjLogits.length, djlLogits.length);
            // Training losses differ through the dropout masks, so only their scale is compared:
            // both start near ln(10) = 2.30 for random input and 10 classes.
            double cortexjLoss = cortexj.trainStep(cortexjBatch);
            double djlLoss = djl.trainStep(djlBatch);
            assertTrue(Math.abs(cortexjLoss - djlLoss) < 1.0, "cortexj loss " + cortexjLoss + ", DJL loss " + djlLoss);
        }

        assertEquals(COUNT * 10, cortexjLogits.length);
        for (int i = 0; i < cortexjLogits.length; i++) {
            float tolerance = 1e-3f * Math.max(1, Math.abs(cortexjLogits[i]));
            assertEquals(cortexjLogits[i], djlLogits[i], tolerance, "logit " + i);
        }
    }
}
