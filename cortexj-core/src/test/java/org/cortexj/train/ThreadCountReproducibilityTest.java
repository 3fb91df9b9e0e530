package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.cortexj.backend.Backend;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Training with the same seed, data and settings gives bit-identical weights whatever the number
 * of CPU backend workers. The network touches every kernel family that splits work over the
 * workers: fused elementwise chains (SELU, Adam, dropout), row reductions (batch normalization,
 * softmax cross-entropy), im2col and col2im on inputs above the parallel threshold, pooling, and
 * matrix products, which the backend splits over its workers with OpenBLAS at one thread.
 */
class ThreadCountReproducibilityTest {

    private static final int SIDE = 24;

    /** Batches of 64 images of 24×24 are 36,864 input elements, above the convolution kernels' parallel threshold. */
    private static ImageDataset stripes(int count, long seed) {
        Generator generator = new Generator(seed);
        byte[] images = new byte[count * SIDE * SIDE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = generator.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < SIDE * SIDE; p++) {
                int band = p / SIDE / 6;
                int pixel = band == label ? 180 + generator.nextInt(70) : generator.nextInt(90);
                images[i * SIDE * SIDE + p] = (byte) pixel;
            }
        }
        return ImageDataset.of("stripes", images, labels, SIDE, SIDE, 4);
    }

    private static NetworkDescription network() {
        return NetworkDescription.builder(1, SIDE, SIDE)
                .convolution("conv", 6, 3).batchNorm().maxPool(2, 2).activation("selu")
                .linear("hidden", 32).dropout(0.3).linear("out", 4).softmax().build();
    }

    private static Map<String, Tensor> trainWith(int workers) throws IOException {
        Backend previous = DefaultBackend.get();
        DefaultBackend.set(new CpuBackend(workers, true));
        try {
            TrainingSettings settings = TrainingSettings.builder().epochs(2).batchSize(64).seed(17)
                    .learningRate(0.003).evaluationBatchSize(64).build();
            Trainer trainer = new Trainer(network(), settings, List.of());
            trainer.fit(stripes(128, 3), stripes(64, 4), false);
            return ModelStore.stateTensors(trainer.network());
        } finally {
            DefaultBackend.set(previous);
        }
    }

    @Test
    void weightsIdenticalForOneTwoThreeWorkers() throws IOException {
        Map<String, Tensor> oneWorker = trainWith(1);
        for (int workers : new int[] {2, 3}) {
            Map<String, Tensor> other = trainWith(workers);
            assertEquals(oneWorker.keySet(), other.keySet());
            for (Map.Entry<String, Tensor> entry : oneWorker.entrySet()) {
                float[] expected = entry.getValue().toFloatArray();
                float[] actual = other.get(entry.getKey()).toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                            entry.getKey() + "[" + i + "] with 1 and " + workers + " workers: " + expected[i] + " vs "
                                    + actual[i]);
                }
            }
        }
    }
}
