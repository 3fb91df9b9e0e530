package org.cortexj.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.data.Batch;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.loss.Reduction;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.optim.Optimizer;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Generator;
import org.cortexj.train.parallel.DataParallel;
import org.cortexj.tensor.Tensor;

/**
 * Trains a classifier network on an image dataset.
 *
 * <p>Each epoch: shuffle with the seeded generator, train every batch (the last partial one
 * too), evaluate on the test set, keep the best network, write a checkpoint, notify listeners.
 * Logging, progress and reports hang off {@link TrainingListener}s. Given the same seed, data
 * and settings, a run resumed from a checkpoint ends with the same weights as one that was never
 * interrupted.
 */
public final class Trainer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NetworkDescription description;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;
    private final Network network;
    private final Optimizer optimizer;
    private final Generator shuffle;
    private final Generator noise;
    private final CrossEntropyLoss loss;
    private final StepGuard guard;
    /** Replicas that share each batch during {@link #fit}, or null to train {@link #network} directly. */
    private DataParallel parallel;
    /** Keeps the replicas' dropout streams apart from the master's noise and shuffling streams. */
    private static final long REPLICA_NOISE_SALT = 0x2545F4914F6CDD1DL;

    public Trainer(NetworkDescription description, TrainingSettings settings, List<TrainingListener> listeners) {
        this.description = description;
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        // Three streams from one seed: weights, dropout noise and shuffling never share values.
        this.noise = new Generator(settings.seed() ^ 0x5DEECE66DL);
        this.shuffle = new Generator(settings.seed() + 1);
        this.network = NetworkFactory.build(description, new Generator(settings.seed()), noise);
        this.optimizer = settings.optimizer().create(network, settings.learningRate(), settings.weightDecay());
        this.loss = new CrossEntropyLoss(Reduction.MEAN, settings.labelSmoothing());
        this.guard = new StepGuard(network);
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains, evaluating on {@code test} after every epoch, and leaves the best network (by
     * {@link TrainingSettings#metric()}) in {@link #network()}.
     *
     * @param resume whether to continue from {@link TrainingSettings#checkpoint()} if it exists
     */
    public TrainingResult fit(ImageDataset train, ImageDataset test, boolean resume) throws IOException {
        parallel = settings.replicas() > 1
                ? DataParallel.create(network, settings.replicas(), settings.seed() ^ REPLICA_NOISE_SALT)
                : null;
        try {
            return fitAll(train, test, resume);
        } finally {
            if (parallel != null) {
                parallel.close();
                parallel = null;
            }
        }
    }

    private TrainingResult fitAll(ImageDataset train, ImageDataset test, boolean resume) throws IOException {
        DatasetChecks.requireCompatible(description, train, test);
        long started = System.nanoTime();
        Normalization normalization = Normalization.of(train);
        BatchLoader trainLoader = new BatchLoader(train, settings.batchSize(), normalization);
        BatchLoader testLoader = new BatchLoader(test, settings.evaluationBatchSize(), normalization);
        int classes = train.classCount();
        Map<String, Tensor> best = new LinkedHashMap<>();
        TrainingCheckpoint.State state = startState(resume, best);
        listeners.forEach(l -> l.onStart(settings, state.completedEpochs() + 1, network.parameterCount(),
                DefaultBackend.get().description()));
        List<EpochMetrics> history = new ArrayList<>(state.history());
        double bestMetric = state.bestMetric();
        int bestEpoch = state.bestEpoch();
        int stale = state.staleEpochs();
        boolean stoppedEarly = false;
        for (int epoch = state.completedEpochs() + 1; epoch <= settings.epochs(); epoch++) {
            EpochMetrics metrics = runEpoch(epoch, trainLoader, testLoader, classes);
            history.add(metrics);
            double value = settings.metric().of(metrics);
            boolean improved = settings.metric().improves(value, bestMetric);
            if (improved) {
                bestMetric = value;
                bestEpoch = epoch;
                stale = 0;
                snapshot(best);
            } else {
                stale++;
            }
            TrainingCheckpoint.State next = new TrainingCheckpoint.State(epoch, shuffle.position(), noise.position(),
                    bestMetric, bestEpoch, stale, history, settings.seed(), settings.batchSize(),
                    settings.replicas());
            writeCheckpoint(best, next, normalization);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(metrics, improved);
            }
            if (settings.patience() > 0 && stale >= settings.patience()) {
                stoppedEarly = epoch < settings.epochs();
                break;
            }
        }
        restore(best);
        EvaluationResult finalEvaluation = Evaluator.evaluate(network, testLoader, classes);
        TrainingResult result = new TrainingResult(history, bestEpoch, stoppedEarly, finalEvaluation,
                (System.nanoTime() - started) / 1e9);
        listeners.forEach(l -> l.onEnd(result));
        return result;
    }

    private TrainingCheckpoint.State startState(boolean resume, Map<String, Tensor> best) throws IOException {
        Path checkpoint = settings.checkpoint();
        if (checkpoint != null) {
            checkWritable(checkpoint);
        }
        if (resume && checkpoint != null && Files.exists(checkpoint)) {
            TrainingCheckpoint.State state = TrainingCheckpoint.read(checkpoint, network, optimizer, best);
            if (state.seed() != settings.seed() || state.batchSize() != settings.batchSize()
                    || state.replicas() != settings.replicas()) {
                throw new IllegalArgumentException("resume: checkpoint " + checkpoint + " was written with seed "
                        + state.seed() + ", batch size " + state.batchSize() + " and " + state.replicas()
                        + " replicas, but this run uses seed " + settings.seed() + ", batch size "
                        + settings.batchSize() + " and " + settings.replicas() + " replicas; use the same settings");
            }
            shuffle.setPosition(state.shufflePosition());
            noise.setPosition(state.noisePosition());
            return state;
        }
        return new TrainingCheckpoint.State(0, 0, 0, Double.NaN, 0, 0, List.of(), settings.seed(), settings.batchSize(),
                settings.replicas());
    }

    /** Fails before training when the checkpoint folder cannot be written, rather than after an epoch. */
    private static void checkWritable(Path checkpoint) throws IOException {
        Path folder = checkpoint.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".cortexj-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("training: cannot write to the checkpoint folder " + folder + " (" + e
                    + "); nothing was trained and existing files are unchanged. Choose another output folder "
                    + "or make this one writable", e);
        }
    }

    private EpochMetrics runEpoch(int epoch, BatchLoader loader, BatchLoader testLoader, int classes) {
        network.train();
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long examples = 0;
        int batchNumber = 0;
        int batches = loader.batchCount();
        for (Batch batch : loader.shuffled(shuffle)) {
            batchNumber++;
            StepResult step = trainStep(epoch, batchNumber, batch);
            lossSum += step.loss() * batch.size();
            correct += step.correct();
            examples += batch.size();
            double seconds = (System.nanoTime() - start) / 1e9;
            for (TrainingListener listener : listeners) {
                listener.onBatch(epoch, batchNumber, batches, examples, step.loss(), examples / Math.max(seconds, 1e-9));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult evaluation = Evaluator.evaluate(network, testLoader, classes);
        return new EpochMetrics(epoch, lossSum / examples, (double) correct / examples, evaluation.loss(),
                evaluation.accuracy(), optimizer.learningRate(), seconds, examples / seconds);
    }

    private record StepResult(double loss, long correct) {
    }

    private StepResult trainStep(int epoch, int batchNumber, Batch batch) {
        StepSnapshot before = settings.skipNonFinite() ? StepSnapshot.take(network, noise) : null;
        optimizer.zeroGrad();
        Tensor logits;
        Tensor batchLoss = null;
        double value;
        if (parallel != null) {
            // Noise positioned by step count makes a resumed run draw the same dropout masks.
            parallel.positionNoise(optimizer.stepCount());
            DataParallel.StepResult result = parallel.forwardBackward(batch.images(), batch.labels(), loss);
            logits = result.logits();
            value = result.loss();
        } else {
            logits = network.forward(batch.images());
            batchLoss = loss.forward(logits, batch.labels());
            value = batchLoss.item();
        }
        long correct;
        try (GradMode.Scope ignored = GradMode.disable()) {
            correct = Evaluator.addPredictions(new ConfusionMatrix(logits.dim(1)), logits.detach(), batch.labels());
        }
        if (!Double.isFinite(value)) {
            return skipOrStop(epoch, batchNumber, batch, "loss is " + value, value, correct, before);
        }
        if (batchLoss != null) {
            batchLoss.backward();
        }
        String gradientProblem = guard.firstNonFiniteGradient();
        if (gradientProblem != null) {
            return skipOrStop(epoch, batchNumber, batch, gradientProblem, value, correct, before);
        }
        if (settings.clipNorm() > 0) {
            guard.clipGradientNorm(settings.clipNorm());
        }
        if (settings.schedule() != null) {
            settings.schedule().applyTo(optimizer);
        }
        optimizer.step();
        return new StepResult(value, correct);
    }

    private StepResult skipOrStop(int epoch, int batchNumber, Batch batch, String problem, double value, long correct,
                                  StepSnapshot before) {
        String where = guard.firstNonFiniteOutput(batch.images());
        String message = "training: non-finite value at epoch " + epoch + ", batch " + batchNumber + ": " + problem
                + (where == null ? "" : "; first non-finite layer output: " + where)
                + "; the last good checkpoint is kept. Lower the learning rate, enable gradient clipping "
                + "(--clip-norm), or pass --skip-non-finite to skip such steps";
        if (!settings.skipNonFinite()) {
            throw new NonFiniteValueException(message);
        }
        java.util.logging.Logger.getLogger("org.cortexj.train").warning("skipped step: " + message);
        optimizer.zeroGrad();
        before.restore(network, noise);
        return new StepResult(Double.isFinite(value) ? value : 0, correct);
    }

    private void snapshot(Map<String, Tensor> best) {
        best.clear();
        ModelStore.stateTensors(network).forEach((name, tensor) -> best.put(name, tensor.copy()));
    }

    private void restore(Map<String, Tensor> best) throws IOException {
        if (!best.isEmpty()) {
            ModelStore.copyState("best network", best, "", network);
        }
    }

    private void writeCheckpoint(Map<String, Tensor> best, TrainingCheckpoint.State state, Normalization normalization) {
        if (settings.checkpoint() == null) {
            return;
        }
        try {
            TrainingCheckpoint.write(settings.checkpoint(), network, optimizer, best, state, metadata(normalization));
        } catch (IOException e) {
            throw new UncheckedIOException("training: could not write checkpoint " + settings.checkpoint() + " ("
                    + e.getMessage() + "); the previous checkpoint is unchanged", e);
        }
    }

    /** Metadata stored with checkpoints and models: the settings that produced them. */
    public ObjectNode metadata(Normalization normalization) {
        ObjectNode metadata = MAPPER.createObjectNode();
        metadata.put("seed", settings.seed());
        metadata.put("batch_size", settings.batchSize());
        metadata.put("optimizer", settings.optimizer().displayName());
        metadata.put("learning_rate", settings.learningRate());
        metadata.put("weight_decay", settings.weightDecay());
        metadata.put("label_smoothing", settings.labelSmoothing());
        metadata.put("replicas", settings.replicas());
        metadata.put("normalization_mean", normalization.mean());
        metadata.put("normalization_std", normalization.std());
        metadata.put("library_version", Version.current());
        return metadata;
    }

    /** Parameters in registration order, for tests and tools. */
    public List<Parameter> parameters() {
        return network.parameters();
    }
}
