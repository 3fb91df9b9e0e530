package org.cortexj.train.parallel;

import java.util.List;
import org.cortexj.autograd.GradMode;
import org.cortexj.tensor.Tensor;

/** Moving rows of a batch to a replica's backend and gathering the replicas' outputs. */
final class Shards {

    private Shards() {
    }

    /**
     * Copies the rows of {@code shard} out of {@code batch} into a new tensor on the calling
     * thread's default backend, so the replica's kernels never run on the master's backend.
     */
    static Tensor rows(Tensor batch, DataParallel.Shard shard) {
        Tensor view = batch.narrow(0, shard.start(), shard.count());
        int[] shape = view.shape().dims();
        return switch (view.dataType()) {
            case FLOAT32 -> Tensor.of(view.toFloatArray(), shape);
            case FLOAT64 -> Tensor.of(view.toDoubleArray(), shape);
            case INT32 -> Tensor.of(view.toIntArray(), shape);
        };
    }

    /** Places the outputs of {@code results}, in shard order, into one tensor of {@code rows} rows. */
    static Tensor concatenate(List<DataParallel.ShardResult> results, int rows) {
        Tensor first = results.get(0).outputs();
        int[] shape = first.shape().dims();
        shape[0] = rows;
        Tensor output = Tensor.zeros(first.dataType(), shape);
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (DataParallel.ShardResult result : results) {
                DataParallel.Shard shard = result.shard();
                output.narrow(0, shard.start(), shard.count()).assign(result.outputs());
            }
        }
        return output;
    }
}
