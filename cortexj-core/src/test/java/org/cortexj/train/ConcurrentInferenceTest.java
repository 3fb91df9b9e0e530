package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cortexj.autograd.GradMode;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference on one loaded model from many threads at once gives the outputs of single-threaded
 * inference, bit for bit, and leaves every parameter and buffer of the model unchanged.
 */
class ConcurrentInferenceTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 6;
    private static final int BATCHES = 4;

    @TempDir
    Path folder;

    /** Convolution, batch normalization, pooling, dropout and linear layers, on 20×20 inputs. */
    private static NetworkDescription network() {
        return NetworkDescription.builder(1, 20, 20)
                .convolution("conv", 8, 3).batchNorm().maxPool(2, 2).activation("selu")
                .convolution("conv2", 4, 3).averagePool(2, 2).activation("gelu")
                .linear("hidden", 24).dropout(0.5).linear("out", 5).softmax().build();
    }

    /** Builds a model as a user gets it: built, given non-default buffers, saved and loaded again. */
    private Network loadedModel() throws IOException {
        Network built = NetworkFactory.build(network(), new Generator(21), new Generator(22));
        try (GradMode.Scope ignored = GradMode.disable()) {
            built.namedBuffers().forEach((name, buffer) -> buffer.assign(Tensor.uniform(new Generator(name.length()),
                    0.5, 1.5, buffer.dataType(), buffer.shape().dims())));
        }
        Path file = folder.resolve("model.cjm");
        ModelStore.save(file, built, null);
        Network loaded = ModelStore.load(file).network();
        loaded.eval();
        return loaded;
    }

    private static List<Tensor> inputs() {
        List<Tensor> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            // 64 images of 20×20 are 25,600 elements per batch, enough for the kernels to split work.
            batches.add(Tensor.normal(new Generator(100 + i), 0, 1, org.cortexj.backend.DataType.FLOAT32,
                    64, 1, 20, 20));
        }
        return batches;
    }

    private static Map<String, int[]> stateBits(Network network) {
        Map<String, int[]> bits = new LinkedHashMap<>();
        ModelStore.stateTensors(network).forEach((name, tensor) -> {
            float[] values = tensor.toFloatArray();
            int[] raw = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                raw[i] = Float.floatToRawIntBits(values[i]);
            }
            bits.put(name, raw);
        });
        return bits;
    }

    @Test
    void eightThreadsMatchSingleThread() throws Exception {
        Network model = loadedModel();
        List<Tensor> batches = inputs();
        List<float[]> expected = new ArrayList<>();
        for (Tensor batch : batches) {
            expected.add(model.predictProbabilities(batch).toFloatArray());
        }
        Map<String, int[]> before = stateBits(model);

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread;
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        // Each thread walks the batches in its own order, so different inputs overlap in time.
                        int index = (first + round) % BATCHES;
                        float[] output = model.predictProbabilities(batches.get(index)).toFloatArray();
                        if (!java.util.Arrays.equals(expected.get(index), output)) {
                            mismatches.add("thread " + first + " round " + round + " batch " + index);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, int[]> after = stateBits(model);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " changed during inference");
        }
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            assertNull(entry.getValue().grad(), entry.getKey() + " got a gradient during inference");
        }
    }
}
