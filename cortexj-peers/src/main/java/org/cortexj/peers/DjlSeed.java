package org.cortexj.peers;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * The seed network in DJL on the PyTorch engine, on the CPU.
 *
 * <p>DJL's Adam folds the bias corrections into the step size and adds epsilon to the
 * uncorrected {@code sqrt(v)}, where PyTorch and cortexj add it to the corrected one; with
 * epsilon 1e-8 the two differ only while {@code sqrt(v)} is near 1e-8.
 */
final class DjlSeed implements SeedSystem {

    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    private final Model model;
    private final Trainer trainer;
    private final NDManager batches;
    private final ParameterStore inferenceParameters;
    private final String description;

    private DjlSeed(Model model, Trainer trainer, String description) {
        this.model = model;
        this.trainer = trainer;
        this.batches = model.getNDManager().newSubManager();
        this.inferenceParameters = new ParameterStore(batches, false);
        this.description = description;
    }

    /**
     * Loads the PyTorch engine with {@code threads} intra-op and inter-op threads and builds the
     * network with {@code weights}.
     *
     * @param batch the batch size used to initialize the parameter shapes; any size runs later
     * @throws IllegalStateException if the engine was loaded earlier in this JVM with other
     *     thread counts, which PyTorch cannot change afterwards
     */
    static DjlSeed create(int threads, int batch, List<SeedWeights.Weight> weights) {
        return create(threads, batch, weights, 0);
    }

    /**
     * Builds the network like {@link #create(int, int, List)}, with the learning rate lowered from
     * 1e-3 along a cosine to 0 over {@code decaySteps} updates; 0 keeps it constant.
     */
    static DjlSeed create(int threads, int batch, List<SeedWeights.Weight> weights, long decaySteps) {
        System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
        System.setProperty(INTEROP_THREADS_PROPERTY, Integer.toString(threads));
        Engine engine = Engine.getEngine("PyTorch");
        checkThreads(threads);

        Model model = Model.newInstance("seed-network", Device.cpu(), "PyTorch");
        SequentialBlock block = DjlSeedNetwork.block();
        model.setBlock(block);
        Trainer trainer = model.newTrainer(trainingConfig(decaySteps));
        trainer.initialize(new Shape(batch, 1, 28, 28));
        DjlSeedNetwork.load(block, weights);

        String description = "DJL " + Engine.getDjlVersion() + " on PyTorch " + engine.getVersion()
                + ", intra-op threads " + JniUtils.getNumThreads()
                + ", inter-op threads " + JniUtils.getNumInteropThreads();
        return new DjlSeed(model, trainer, description);
    }

    private static void checkThreads(int threads) {
        int intraOp = JniUtils.getNumThreads();
        int interOp = JniUtils.getNumInteropThreads();
        if (intraOp != threads || interOp != threads) {
            throw new IllegalStateException("PyTorch runs " + intraOp + " intra-op and " + interOp
                    + " inter-op threads, expected " + threads + " of each; the engine was loaded before "
                    + THREADS_PROPERTY + " was set, so start a fresh JVM");
        }
    }

    private static DefaultTrainingConfig trainingConfig(long decaySteps) {
        // DJL's CosineTracker follows the same half cosine from the base to the final value.
        Tracker rate = decaySteps > 0
                ? CosineTracker.builder().setBaseValue(1e-3f).optFinalValue(0f)
                        .setMaxUpdates(Math.toIntExact(decaySteps)).build()
                : Tracker.fixed(1e-3f);
        Adam adam = Adam.builder()
                .optLearningRateTracker(rate)
                .optBeta1(0.9f)
                .optBeta2(0.999f)
                .optEpsilon(1e-8f)
                .build();
        // softmaxCrossEntropyLoss applies log-softmax itself, takes class indices as labels and
        // averages over the batch, as cortexj's CrossEntropyLoss does.
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(adam)
                .optDevices(new Device[] {Device.cpu()});
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public PreparedBatch prepare(float[] images, int[] labels, int count) {
        NDManager manager = batches.newSubManager();
        NDArray imageArray = manager.create(images, new Shape(count, 1, 28, 28));
        long[] classes = new long[count];
        for (int i = 0; i < count; i++) {
            classes[i] = labels[i];
        }
        NDArray labelArray = manager.create(classes, new Shape(count));
        return new Batch(manager, imageArray, labelArray, count);
    }

    @Override
    public double trainStep(PreparedBatch batch) {
        Batch arrays = (Batch) batch;
        double lossBeforeUpdate;
        // DJL attaches each result to the manager of the input array, so attaching the inputs
        // to a manager closed after the step frees the intermediates and keeps the inputs.
        try (NDManager step = batches.newSubManager()) {
            arrays.images().tempAttach(step);
            arrays.labels().tempAttach(step);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList logits = trainer.forward(new NDList(arrays.images()));
                NDArray loss = trainer.getLoss().evaluate(new NDList(arrays.labels()), logits);
                collector.backward(loss);
                lossBeforeUpdate = loss.getFloat();
            }
            // The PyTorch engine's Adam update also zeroes each gradient.
            trainer.step();
        }
        return lossBeforeUpdate;
    }

    @Override
    public float[] infer(PreparedBatch batch) {
        Batch arrays = (Batch) batch;
        Block block = model.getBlock();
        // Outside a GradientCollector the PyTorch engine records no gradients.
        try (NDManager step = batches.newSubManager()) {
            arrays.images().tempAttach(step);
            NDList logits = block.forward(inferenceParameters, new NDList(arrays.images()), false);
            return logits.singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }

    private record Batch(NDManager manager, NDArray images, NDArray labels, int size) implements PreparedBatch {
        @Override
        public void close() {
            manager.close();
        }
    }
}
