package org.cortexj.train;

import java.nio.file.Path;
import org.cortexj.optim.schedule.LearningRateSchedule;

/**
 * Settings of a training run, validated when built.
 *
 * @param epochs maximum number of passes over the training set, at least 1
 * @param batchSize examples per optimizer step, at least 1; the last batch of an epoch may be smaller
 * @param seed seed of weight initialization, shuffling and dropout
 * @param optimizer which optimizer to use
 * @param learningRate initial learning rate, > 0
 * @param schedule learning rate per optimizer step, or null for a constant rate
 * @param metric what early stopping and best-network selection watch
 * @param patience epochs without improvement before stopping early; 0 turns early stopping off
 * @param checkpoint file written atomically after every epoch, or null for none
 * @param skipNonFinite whether a step with a non-finite loss or gradient is skipped (true) or
 *     stops training (false, the default)
 * @param clipNorm maximum global L2 norm of the gradients, or 0 for no clipping
 * @param evaluationBatchSize batch size for evaluation, at least 1
 * @param replicas data-parallel replicas that share every training batch, at least 1; 1 trains
 *     the network itself on the default backend (see {@code org.cortexj.train.parallel.DataParallel})
 * @param weightDecay the optimizer's weight decay λ ≥ 0; the builder's default is
 *     {@link OptimizerKind#defaultWeightDecay()}
 * @param labelSmoothing share ε in [0, 1] of the training target spread over all classes (see
 *     {@code org.cortexj.loss.CrossEntropyLoss}); evaluation always reports the plain cross-entropy
 */
public record TrainingSettings(int epochs, int batchSize, long seed, OptimizerKind optimizer, double learningRate,
                               LearningRateSchedule schedule, Metric metric, int patience, Path checkpoint,
                               boolean skipNonFinite, double clipNorm, int evaluationBatchSize,
                               int replicas, double weightDecay, double labelSmoothing) {

    public TrainingSettings {
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch size", batchSize, ">= 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate", learningRate, "> 0 and finite");
        require(patience >= 0, "patience", patience, ">= 0 (0 turns early stopping off)");
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "gradient clip norm", clipNorm, ">= 0 (0 turns it off)");
        require(evaluationBatchSize >= 1, "evaluation batch size", evaluationBatchSize, ">= 1");
        require(replicas >= 1, "replicas", replicas, ">= 1 (1 trains without data parallelism)");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight decay", weightDecay,
                ">= 0 and finite (0 turns it off)");
        require(labelSmoothing >= 0 && labelSmoothing <= 1, "label smoothing", labelSmoothing,
                "in [0, 1] (0 turns it off)");
        require(optimizer != null, "optimizer", null, "one of " + java.util.Arrays.toString(OptimizerKind.values()));
        require(metric != null, "metric", null, "one of " + java.util.Arrays.toString(Metric.values()));
    }

    private static void require(boolean valid, String setting, Object value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("training settings: " + setting + " must be " + range + ", got " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of the MNIST main job: Adam 1e-3, batch 128, seed 42. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 128;
        private long seed = 42;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = 1e-3;
        private LearningRateSchedule schedule;
        private Metric metric = Metric.TEST_ACCURACY;
        private int patience;
        private Path checkpoint;
        private boolean skipNonFinite;
        private double clipNorm;
        private int evaluationBatchSize = 1000;
        private int replicas = 1;
        /** Null until chosen: {@link #build()} then takes the optimizer's default. */
        private Double weightDecay;
        private double labelSmoothing;

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder optimizer(OptimizerKind value) {
            optimizer = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder schedule(LearningRateSchedule value) {
            schedule = value;
            return this;
        }

        public Builder metric(Metric value) {
            metric = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder checkpoint(Path value) {
            checkpoint = value;
            return this;
        }

        public Builder skipNonFinite(boolean value) {
            skipNonFinite = value;
            return this;
        }

        public Builder clipNorm(double value) {
            clipNorm = value;
            return this;
        }

        public Builder evaluationBatchSize(int value) {
            evaluationBatchSize = value;
            return this;
        }

        public Builder replicas(int value) {
            replicas = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder labelSmoothing(double value) {
            labelSmoothing = value;
            return this;
        }

        public TrainingSettings build() {
            double decay = 0;
            if (weightDecay != null) {
                decay = weightDecay;
            } else if (optimizer != null) {
                decay = optimizer.defaultWeightDecay();
            }
            return new TrainingSettings(epochs, batchSize, seed, optimizer, learningRate, schedule, metric, patience,
                    checkpoint, skipNonFinite, clipNorm, evaluationBatchSize, replicas, decay, labelSmoothing);
        }
    }
}
