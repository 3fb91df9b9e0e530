package org.cortexj.train.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.OptionalInt;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.backend.cpu.gemm.GemmProvider;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataParallelTest {

    private static final CrossEntropyLoss LOSS = new CrossEntropyLoss();

    /** Conv 3x3 with 3 filters, max-pool, SELU, linear 5: small, no noise. */
    private static NetworkDescription plainNetwork() {
        return NetworkDescription.builder(1, 6, 6).convolution("conv", 3, 3).maxPool(2, 2).activation("selu")
                .linear("fc", 5).softmax().build();
    }

    private static Network build(NetworkDescription description) {
        return NetworkFactory.build(description, new Generator(11), new Generator(12), DataType.FLOAT64);
    }

    private static Tensor images(int rows) {
        return Tensor.uniform(new Generator(3), -1, 1, DataType.FLOAT64, rows, 1, 6, 6);
    }

    private static Tensor labels(int rows) {
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            classes[i] = (i * 3) % 5;
        }
        return Tensor.of(classes, rows);
    }

    @Test
    void openBlasThreadsRestoredOnClose() {
        assumeTrue(GemmProvider.get() instanceof OpenBlasGemm, "matrix products do not use OpenBLAS");
        OptionalInt previous = OpenBlasGemm.threadCount();
        try {
            OpenBlasGemm.setThreadCount(3);
            try (DataParallel parallel = DataParallel.create(build(plainNetwork()), 2, 5)) {
                assertEquals(OptionalInt.of(1), OpenBlasGemm.threadCount());
            }
            assertEquals(OptionalInt.of(3), OpenBlasGemm.threadCount());
        } finally {
            OpenBlasGemm.setThreadCount(previous.orElse(1));
        }
    }

    @ParameterizedTest(name = "{0} rows, {1} replicas")
    @CsvSource({"7, 2", "7, 3", "2, 3", "1, 2", "8, 1"})
    void gradientsMatchWholeBatch(int rows, int replicaCount) {
        Network single = build(plainNetwork());
        Network master = build(plainNetwork());
        Tensor x = images(rows);
        Tensor y = labels(rows);
        Tensor expectedLoss = LOSS.forward(single.forward(x), y);
        expectedLoss.backward();

        DataParallel.StepResult result;
        try (DataParallel parallel = DataParallel.create(master, replicaCount, 5)) {
            result = parallel.forwardBackward(x, y, LOSS);
        }

        assertEquals(expectedLoss.item(), result.loss(), 1e-12, "loss");
        List<Parameter> expected = single.parameters();
        List<Parameter> actual = master.parameters();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).value().grad().toDoubleArray(),
                    actual.get(i).value().grad().toDoubleArray(), 1e-12, expected.get(i).name());
        }
    }

    @Test
    void logitsMatchMasterForward() {
        Network master = build(plainNetwork());
        Tensor x = images(9);
        Tensor expected;
        try (GradMode.Scope ignored = GradMode.disable()) {
            expected = master.forward(x);
        }
        try (DataParallel parallel = DataParallel.create(master, 2, 5)) {
            assertArrayEquals(expected.toDoubleArray(), parallel.forward(x).toDoubleArray(), 1e-12, "forward");
            assertArrayEquals(expected.toDoubleArray(), parallel.forwardBackward(x, labels(9), LOSS).logits()
                    .toDoubleArray(), 1e-12, "training logits");
        }
    }

    @Test
    void secondStepSeesUpdatedWeights() {
        // Replicas copy the master before every step, so a changed weight changes the next loss.
        Network master = build(plainNetwork());
        Tensor x = images(6);
        Tensor y = labels(6);
        try (DataParallel parallel = DataParallel.create(master, 2, 5)) {
            double before = parallel.forwardBackward(x, y, LOSS).loss();
            try (GradMode.Scope ignored = GradMode.disable()) {
                Tensor weight = master.parameters().get(0).value();
                weight.assign(weight.sub(weight.grad().mul(0.5)));
            }
            double after = parallel.forwardBackward(x, y, LOSS).loss();
            assertTrue(after < before, "loss " + before + " then " + after);
        }
    }

    @Test
    void dropoutNoiseRepeatsWithSeed() {
        NetworkDescription noisy = NetworkDescription.builder(1, 6, 6).convolution("conv", 3, 3).flatten()
                .dropout(0.5).linear("fc", 5).softmax().build();
        double[] losses = new double[3];
        long[] seeds = {5, 5, 6};
        for (int run = 0; run < 3; run++) {
            Network master = build(noisy);
            master.train();
            try (DataParallel parallel = DataParallel.create(master, 2, seeds[run])) {
                losses[run] = parallel.forwardBackward(images(8), labels(8), LOSS).loss();
            }
        }
        assertEquals(losses[0], losses[1], 0, "same seed");
        assertNotEquals(losses[0], losses[2], "other seed");
    }

    @Test
    void batchNormKeepsFirstReplicaStatistics() {
        NetworkDescription normalized = NetworkDescription.builder(1, 6, 6).convolution("conv", 3, 3).batchNorm()
                .flatten().linear("fc", 5).softmax().build();
        Network master = build(normalized);
        Network firstRows = build(normalized);
        master.train();
        firstRows.train();
        Tensor x = images(7);
        // With 2 replicas, replica 0 gets rows 0..2 (7 * 1 / 2 = 3 rows).
        firstRows.forward(x.narrow(0, 0, 3));

        try (DataParallel parallel = DataParallel.create(master, 2, 5)) {
            parallel.forwardBackward(x, labels(7), LOSS);
        }

        var expected = firstRows.namedBuffers();
        master.namedBuffers().forEach((name, buffer) -> assertArrayEquals(expected.get(name).toDoubleArray(),
                buffer.toDoubleArray(), 1e-12, name));
    }

    @Test
    void mismatchedRowsRejected() {
        try (DataParallel parallel = DataParallel.create(build(plainNetwork()), 2, 5)) {
            var error = assertThrows(IllegalArgumentException.class,
                    () -> parallel.forwardBackward(images(4), labels(3), LOSS));
            assertTrue(error.getMessage().contains("[4, 1, 6, 6]"), error.getMessage());
            assertTrue(error.getMessage().contains("[3]"), error.getMessage());
        }
    }

    @Test
    void zeroReplicasRejected() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> DataParallel.create(build(plainNetwork()), 0, 5));
        assertTrue(error.getMessage().contains("got 0"), error.getMessage());
    }
}
