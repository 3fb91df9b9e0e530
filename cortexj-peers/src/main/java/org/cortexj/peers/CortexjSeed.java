package org.cortexj.peers;

import org.cortexj.autograd.GradMode;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Network;
import org.cortexj.optim.Adam;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.schedule.CosineAnnealing;
import org.cortexj.optim.schedule.LearningRateSchedule;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Tensor;
import org.cortexj.train.Version;
import org.cortexj.train.parallel.DataParallel;

/** The seed network in cortexj, built through its public API as {@code SeedNetworkBenchmark} does. */
final class CortexjSeed implements SeedSystem {

    private final Network network;
    private final Optimizer optimizer;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private final String description;
    private final LearningRateSchedule schedule;
    private final DataParallel parallel;

    private CortexjSeed(Network network, Optimizer optimizer, LearningRateSchedule schedule, DataParallel parallel,
                        String description) {
        this.network = network;
        this.schedule = schedule;
        this.parallel = parallel;
        this.optimizer = optimizer;
        this.description = description;
    }

    /**
     * Makes {@code threads} the worker count of a new default CPU backend, which also runs
     * OpenBLAS on one thread per call and splits large products over its workers, then builds the
     * network from {@link SeedWeights#buildCortexjNetwork(long)}.
     */
    static CortexjSeed create(int threads, long seed) {
        return create(threads, seed, 0, 1);
    }

    /**
     * Builds the network like {@link #create(int, long)}, with the learning rate lowered from
     * 1e-3 along a cosine to 0 over {@code decaySteps} updates (0 keeps it constant). With
     * {@code replicas > 1} every batch is split over that many data-parallel replicas, each on its
     * own thread and single-worker backend, and OpenBLAS runs one thread per call.
     */
    static CortexjSeed create(int threads, long seed, long decaySteps, int replicas) {
        CpuBackend backend = new CpuBackend(threads, true);
        DefaultBackend.set(backend);
        Network network = SeedWeights.buildCortexjNetwork(seed);
        Optimizer optimizer = Adam.builder().learningRate(1e-3).build(network);
        String description = "cortexj " + Version.current() + ", " + backend.description();
        LearningRateSchedule schedule = decaySteps > 0 ? new CosineAnnealing(1e-3, 0, decaySteps) : null;
        DataParallel parallel = replicas > 1 ? DataParallel.create(network, replicas, seed + 2) : null;
        if (parallel != null) {
            description += ", " + replicas + " data-parallel replicas of 1 worker each";
        }
        return new CortexjSeed(network, optimizer, schedule, parallel, description);
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
        double lossBeforeUpdate;
        if (parallel != null) {
            lossBeforeUpdate = parallel.forwardBackward(tensors.images(), tensors.labels(), loss).loss();
        } else {
            Tensor value = loss.forward(network.forward(tensors.images()), tensors.labels());
            value.backward();
            lossBeforeUpdate = value.item();
        }
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
        if (parallel != null) {
            return parallel.forward(tensors.images()).toFloatArray();
        }
        try (GradMode.Scope ignored = GradMode.disable()) {
            return network.forward(tensors.images()).toFloatArray();
        }
    }

    @Override
    public void close() {
        // Tensors live on the Java heap and need no release; replica threads do.
        if (parallel != null) {
            parallel.close();
        }
    }

    private record Batch(Tensor images, Tensor labels, int size) implements PreparedBatch {
    }
}
