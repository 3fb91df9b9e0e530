package org.cortexj.train.parallel;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.loss.Loss;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * One copy of a network with its own thread and its own single-worker CPU backend. Every call
 * runs on that thread, so the copy's tensors, kernels and scratch memory never meet another
 * replica's.
 */
final class Replica implements AutoCloseable {

    private final int index;
    private final ExecutorService thread;
    private final CpuBackend backend;
    private final Network network;
    private final Generator noise;

    private Replica(int index, ExecutorService thread, CpuBackend backend, Network network, Generator noise) {
        this.index = index;
        this.noise = noise;
        this.thread = thread;
        this.backend = backend;
        this.network = network;
    }

    /** Builds a copy of {@code master}'s description on a new thread, with dropout drawn from {@code noise}. */
    static Replica start(Network master, int index, Generator noise) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, "cortexj-replica-" + index);
            worker.setDaemon(true);
            return worker;
        });
        CpuBackend backend = new CpuBackend(1, true);
        try {
            Network copy = call(thread, () -> {
                try (DefaultBackend.Scope ignored = DefaultBackend.useInThisThread(backend)) {
                    // The weights drawn here are replaced by the master's before first use.
                    return NetworkFactory.build(master.description(), new Generator(0), noise, dataTypeOf(master));
                }
            }, "replica " + index + ": building the network copy");
            return new Replica(index, thread, backend, copy, noise);
        } catch (RuntimeException | Error e) {
            thread.shutdownNow();
            throw e;
        }
    }

    private static DataType dataTypeOf(Network master) {
        List<Parameter> parameters = master.parameters();
        return parameters.isEmpty() ? DataType.FLOAT32 : parameters.get(0).value().dataType();
    }

    /** Generator of this copy's dropout masks. */
    Generator noise() {
        return noise;
    }

    int index() {
        return index;
    }

    Network network() {
        return network;
    }

    /** Runs {@code work} on this replica's thread with its backend as the default, and waits. */
    <T> Future<T> submit(Callable<T> work) {
        return thread.submit(() -> {
            try (DefaultBackend.Scope ignored = DefaultBackend.useInThisThread(backend)) {
                return work.call();
            }
        });
    }

    /** Copies the parameter values and buffers of {@code master} into this copy, and its mode. */
    void copyStateFrom(Network master) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            List<Parameter> sources = master.parameters();
            List<Parameter> targets = network.parameters();
            for (int i = 0; i < sources.size(); i++) {
                targets.get(i).value().assign(sources.get(i).value());
            }
            var sourceBuffers = master.namedBuffers();
            network.namedBuffers().forEach((name, buffer) -> buffer.assign(sourceBuffers.get(name)));
        }
        if (master.isTraining()) {
            network.train();
        } else {
            network.eval();
        }
    }

    /**
     * Trains on the rows of {@code shard}: copies the master's state, then computes the loss of
     * those rows scaled by {@code shard.count() / rows} and its gradient in this copy. Runs on
     * this replica's thread.
     */
    DataParallel.ShardResult trainShard(Network master, DataParallel.Shard shard, int rows, Tensor inputs,
                                        Tensor targets, Loss loss) {
        copyStateFrom(master);
        network.zeroGrad();
        Tensor outputs = network.forward(Shards.rows(inputs, shard));
        Tensor scaled = loss.forward(outputs, Shards.rows(targets, shard)).mul((double) shard.count() / rows);
        scaled.backward();
        return new DataParallel.ShardResult(shard, outputs.detach().realize(), scaled.item());
    }

    /** Runs the forward pass over the rows of {@code shard} without gradients, on this replica's thread. */
    DataParallel.ShardResult forwardShard(Network master, DataParallel.Shard shard, Tensor inputs) {
        copyStateFrom(master);
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor outputs = network.forward(Shards.rows(inputs, shard)).realize();
            return new DataParallel.ShardResult(shard, outputs, 0);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Runs {@code work} on {@code thread} and returns its result, rethrowing its failure. */
    private static <T> T call(ExecutorService thread, Callable<T> work, String operation) {
        return DataParallel.await(thread.submit(work), operation);
    }

    /** Sums {@code tensors} in list order, for gradients of one parameter over the replicas. */
    static Tensor sum(List<Tensor> tensors) {
        Tensor total = tensors.get(0);
        for (int i = 1; i < tensors.size(); i++) {
            total = total.add(tensors.get(i));
        }
        return total.contiguous();
    }
}
