package org.cortexj.peers;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.backend.cpu.gemm.GemmProvider;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Network;
import org.cortexj.optim.Adam;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.schedule.CosineAnnealing;
import org.cortexj.optim.schedule.LearningRateSchedule;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Tensor;
import org.cortexj.train.Version;

/** The seed network in cortexj, built through its public API as {@code SeedNetworkBenchmark} does. */
final class CortexjSeed implements SeedSystem {

    private final Network network;
    private final Optimizer optimizer;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private final String description;
    private final LearningRateSchedule schedule;

    private CortexjSeed(Network network, Optimizer optimizer, LearningRateSchedule schedule, String description) {
        this.network = network;
        this.schedule = schedule;
        this.optimizer = optimizer;
        this.description = description;
    }

    /**
     * Makes {@code threads} the worker count of a new default CPU backend and the OpenBLAS
     * thread count, then builds the network from {@link SeedWeights#buildCortexjNetwork(long)}.
     * The backend's worker count does not reach OpenBLAS, whose thread pool is process-wide, so
     * both are set here.
     */
    static CortexjSeed create(int threads, long seed) {
        return create(threads, seed, 0);
    }

    /**
     * Builds the network like {@link #create(int, long)}, with the learning rate lowered from
     * 1e-3 along a cosine to 0 over {@code decaySteps} updates; 0 keeps it constant.
     */
    static CortexjSeed create(int threads, long seed, long decaySteps) {
        CpuBackend backend = new CpuBackend(threads, true);
        DefaultBackend.set(backend);
        limitBlasThreads(threads);
        Network network = SeedWeights.buildCortexjNetwork(seed);
        Optimizer optimizer = Adam.builder().learningRate(1e-3).build(network);
        String description = "cortexj " + Version.current() + ", " + backend.description();
        LearningRateSchedule schedule = decaySteps > 0 ? new CosineAnnealing(1e-3, 0, decaySteps) : null;
        return new CortexjSeed(network, optimizer, schedule, description);
    }

    private static void limitBlasThreads(int threads) {
        if (GemmProvider.get() instanceof OpenBlasGemm) {
            OpenBlasGemm.setThreadCount(threads);
        }
        // NOTE: with -Dcortexj.blas=java the pure-Java product uses one thread per available
        // processor, and cortexj offers no call to change that.
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public PreparedBatch prepare(float[] images, int[] labels, int count) {
        return new Batch(Tensor.of(images, count, 1, 28, 28), Tensor.of(labels, count), count);
    }

    @Override
    public double trainStep(PreparedBatch batch) {
        Batch tensors = (Batch) batch;
        network.train();
        optimizer.zeroGrad();
        Tensor value = loss.forward(network.forward(tensors.images()), tensors.labels());
        value.backward();
        double lossBeforeUpdate = value.item();
        if (schedule != null) {
            schedule.applyTo(optimizer);
        }
        optimizer.step();
        return lossBeforeUpdate;
    }

    @Override
    public float[] infer(PreparedBatch batch) {
        Batch tensors = (Batch) batch;
        network.eval();
        try (GradMode.Scope ignored = GradMode.disable()) {
            return network.forward(tensors.images()).toFloatArray();
        }
    }

    @Override
    public void close() {
        // Tensors live on the Java heap and need no release.
    }

    private record Batch(Tensor images, Tensor labels, int size) implements PreparedBatch {
    }
}
