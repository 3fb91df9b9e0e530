package org.cortexj.train.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.cpu.gemm.GemmProvider;
import org.cortexj.backend.cpu.gemm.OpenBlasGemm;
import org.cortexj.loss.Loss;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Trains or runs one network as several replicas, each on its own thread and single-worker CPU
 * backend, that split every batch by rows. On a machine with as many cores as replicas this
 * keeps every core busy through the whole step, where one network on a multi-worker backend
 * waits at the end of every parallel kernel.
 *
 * <p>A training step copies the master network's parameters and buffers into the replicas, lets
 * each compute the loss of its rows scaled by its share of the batch, and sums the replicas'
 * gradients, in replica order, into the master's parameters: for a loss that averages over
 * examples, the sum is the gradient of the whole batch's mean loss, up to rounding. The optimizer
 * then updates the master as usual. Results depend on the replica count but not on thread
 * timing: the rows of each replica, its dropout noise and the order of the sums are fixed.
 *
 * <p>Batch norm treats each replica's rows as its batch, and the master keeps replica 0's running
 * statistics, as distributed training without synchronized batch norm does. Instances are not
 * thread-safe: call them from one thread at a time.
 */
public final class DataParallel implements AutoCloseable {

    private final Network master;
    private final List<Replica> replicas;

    /** OpenBLAS's thread count before {@link #create} lowered it, restored by {@link #close}; empty if untouched or unknown. */
    private final OptionalInt blasThreadsBefore;

    private DataParallel(Network master, List<Replica> replicas, OptionalInt blasThreadsBefore) {
        this.blasThreadsBefore = blasThreadsBefore;
        this.master = master;
        this.replicas = replicas;
    }

    /** Loss of a batch and the logits of all its rows, on the calling thread's default backend. */
    public record StepResult(double loss, Tensor logits) {
    }

    /**
     * Starts {@code replicaCount} replicas of {@code master}, replica {@code r} drawing its dropout
     * noise from a generator seeded by {@code noiseSeed} and {@code r}. With more than one replica
     * and OpenBLAS in use, this sets OpenBLAS to one thread per call, for the whole process:
     * the replicas already keep every core busy, and OpenBLAS threads spinning beside them would
     * oversubscribe the cores. {@link #close} restores the count it found.
     *
     * @throws IllegalArgumentException if {@code replicaCount < 1}
     */
    public static DataParallel create(Network master, int replicaCount, long noiseSeed) {
        if (replicaCount < 1) {
            throw new IllegalArgumentException("DataParallel: replica count must be >= 1, got " + replicaCount
                    + "; use one replica per core");
        }
        boolean lowerBlasThreads = replicaCount > 1 && GemmProvider.get() instanceof OpenBlasGemm;
        OptionalInt blasThreadsBefore = lowerBlasThreads ? OpenBlasGemm.threadCount() : OptionalInt.empty();
        List<Replica> started = new ArrayList<>();
        try {
            for (int r = 0; r < replicaCount; r++) {
                started.add(Replica.start(master, r, new Generator(replicaSeed(noiseSeed, r))));
            }
        } catch (RuntimeException | Error e) {
            started.forEach(Replica::close);
            blasThreadsBefore.ifPresent(OpenBlasGemm::setThreadCount);
            throw e;
        }
        // After the replicas started: creating their one-worker backends may also set the count.
        if (lowerBlasThreads) {
            OpenBlasGemm.setThreadCount(1);
        }
        return new DataParallel(master, List.copyOf(started), blasThreadsBefore);
    }

    /**
     * Moves every replica's dropout stream to {@code step * 2^32}, so the masks of a step depend
     * only on the seed, the replica and {@code step}, and a resumed run draws the same ones. One
     * step may draw up to 2^32 values per replica.
     *
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public void positionNoise(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("DataParallel.positionNoise: step must be >= 0, got " + step);
        }
        replicas.forEach(replica -> replica.noise().setPosition(step << 32));
    }

    /** Number of replicas. */
    public int replicaCount() {
        return replicas.size();
    }

    /**
     * Computes {@code loss} over the batch and adds its gradient to the master's parameter
     * gradients (call {@code zeroGrad} first for a plain step). The master must be in training
     * mode for dropout and batch norm to train.
     *
     * @param loss a loss that averages over the examples of its batch
     * @throws IllegalArgumentException if inputs and targets differ in their number of rows
     */
    public StepResult forwardBackward(Tensor inputs, Tensor targets, Loss loss) {
        int rows = checkRows("forwardBackward", inputs, targets);
        List<Shard> shards = shards(rows);
        List<Future<ShardResult>> pending = new ArrayList<>();
        for (Shard shard : shards) {
            Replica replica = replicas.get(shard.replica());
            pending.add(replica.submit(() -> replica.trainShard(master, shard, rows, inputs, targets, loss)));
        }
        List<ShardResult> results = awaitAll(pending, "forwardBackward");
        addGradients(shards.size());
        keepBuffersOfFirstReplica();
        double total = 0;
        for (ShardResult result : results) {
            total += result.scaledLoss();
        }
        return new StepResult(total, Shards.concatenate(results, rows));
    }

    /**
     * Runs the master's forward pass over the batch without recording gradients, in the master's
     * current mode, and returns the outputs of all rows.
     */
    public Tensor forward(Tensor inputs) {
        int rows = inputs.dim(0);
        List<Shard> shards = shards(rows);
        List<Future<ShardResult>> pending = new ArrayList<>();
        for (Shard shard : shards) {
            Replica replica = replicas.get(shard.replica());
            pending.add(replica.submit(() -> replica.forwardShard(master, shard, inputs)));
        }
        return Shards.concatenate(awaitAll(pending, "forward"), rows);
    }

    @Override
    public void close() {
        replicas.forEach(Replica::close);
        blasThreadsBefore.ifPresent(OpenBlasGemm::setThreadCount);
    }

    /** Rows {@code [start, start + count)} of a batch, computed by replica {@code replica}. */
    record Shard(int replica, int start, int count) {
    }

    /** Outputs of one shard, detached, and its loss scaled by its share of the batch (0 without a loss). */
    record ShardResult(Shard shard, Tensor outputs, double scaledLoss) {
    }

    /** Splits {@code rows} into contiguous shards differing by at most one row, skipping empty ones. */
    List<Shard> shards(int rows) {
        int count = Math.min(replicas.size(), rows);
        List<Shard> shards = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int start = (int) ((long) rows * r / count);
            int end = (int) ((long) rows * (r + 1) / count);
            shards.add(new Shard(r, start, end - start));
        }
        return shards;
    }

    private void addGradients(int usedReplicas) {
        List<Parameter> parameters = master.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            List<Tensor> gradients = new ArrayList<>(usedReplicas);
            for (int r = 0; r < usedReplicas; r++) {
                Tensor gradient = replicas.get(r).network().parameters().get(i).value().grad();
                if (gradient != null) {
                    gradients.add(gradient);
                }
            }
            if (gradients.isEmpty()) {
                continue;
            }
            Tensor value = parameters.get(i).value();
            try (GradMode.Scope ignored = GradMode.disable()) {
                Tensor sum = Replica.sum(gradients);
                value.setGrad(value.grad() == null ? sum : value.grad().add(sum).contiguous());
            }
        }
    }

    private void keepBuffersOfFirstReplica() {
        var first = replicas.get(0).network().namedBuffers();
        try (GradMode.Scope ignored = GradMode.disable()) {
            master.namedBuffers().forEach((name, buffer) -> buffer.assign(first.get(name)));
        }
    }

    private static int checkRows(String operation, Tensor inputs, Tensor targets) {
        if (inputs.rank() == 0 || targets.rank() == 0 || inputs.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("DataParallel." + operation + ": inputs " + inputs.shape()
                    + " and targets " + targets.shape() + " must have the same number of rows (axis 0)");
        }
        return inputs.dim(0);
    }

    private static long replicaSeed(long noiseSeed, int replica) {
        // Odd multiplier of the golden ratio: distinct, well spread seeds per replica.
        return noiseSeed + 0x9E3779B97F4A7C15L * (replica + 1);
    }

    private static List<ShardResult> awaitAll(List<Future<ShardResult>> pending, String operation) {
        List<ShardResult> results = new ArrayList<>(pending.size());
        RuntimeException failure = null;
        for (Future<ShardResult> future : pending) {
            try {
                results.add(await(future, "DataParallel." + operation));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Waits for {@code future} and rethrows its failure, unchecked, with {@code operation} in front. */
    static <T> T await(Future<T> future, String operation) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(operation + ": interrupted while waiting for a replica", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(operation + ": a replica failed: " + cause, cause);
        }
    }
}
