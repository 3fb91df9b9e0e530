package org.cortexj.train;

import org.cortexj.autograd.GradMode;
import org.cortexj.data.Batch;
import org.cortexj.data.BatchLoader;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.loss.Reduction;
import org.cortexj.nn.Module;
import org.cortexj.nn.functional.Softmax;
import org.cortexj.tensor.Tensor;

/** Evaluates a classifier on a dataset: mean loss, accuracy and the confusion matrix. */
public final class Evaluator {

    private static final CrossEntropyLoss SUMMED = new CrossEntropyLoss(Reduction.SUM);

    private Evaluator() {
    }

    /** Receives the logits of each batch of an evaluation pass. */
    private interface BatchObserver {
        void observe(Batch batch, Tensor logits);
    }

    /**
     * Runs every example through {@code network} in evaluation mode, without recording
     * gradients, and restores the network's previous mode afterwards.
     */
    public static EvaluationResult evaluate(Module network, BatchLoader loader, int classes) {
        return run(network, loader, classes, (batch, logits) -> { });
    }

    /**
     * Evaluates like {@link #evaluate} and also keeps, for every example of the loader's
     * dataset, the predicted class and the softmax probabilities of its logits. Costs one pass
     * and examples × classes floats of memory.
     */
    public static DetailedEvaluation evaluateWithPredictions(Module network, BatchLoader loader, int classes) {
        int examples = loader.dataset().size();
        int[] labels = new int[examples];
        int[] predicted = new int[examples];
        float[] probabilities = new float[examples * classes];
        EvaluationResult result = run(network, loader, classes, (batch, logits) -> {
            int[] batchLabels = batch.labels().toIntArray();
            int[] batchPredicted = logits.argmax(1, false).toIntArray();
            float[] batchProbabilities = Softmax.softmax(logits, -1).toFloatArray();
            int[] indices = batch.indices();
            for (int b = 0; b < indices.length; b++) {
                labels[indices[b]] = batchLabels[b];
                predicted[indices[b]] = batchPredicted[b];
                System.arraycopy(batchProbabilities, b * classes, probabilities, indices[b] * classes, classes);
            }
        });
        return new DetailedEvaluation(result, new Predictions(classes, labels, predicted, probabilities));
    }

    private static EvaluationResult run(Module network, BatchLoader loader, int classes, BatchObserver observer) {
        boolean wasTraining = network.isTraining();
        network.eval();
        ConfusionMatrix confusion = new ConfusionMatrix(classes);
        double lossSum = 0;
        int examples = 0;
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Batch batch : loader.inOrder()) {
                Tensor logits = network.forward(batch.images()).realize();
                lossSum += SUMMED.forward(logits, batch.labels()).item();
                addPredictions(confusion, logits, batch.labels());
                observer.observe(batch, logits);
                examples += batch.size();
            }
        } finally {
            if (wasTraining) {
                network.train();
            }
        }
        double loss = examples == 0 ? Double.NaN : lossSum / examples;
        return new EvaluationResult(loss, confusion.accuracy(), confusion, examples);
    }

    /** Adds each example's (true, predicted) pair, the prediction being the first largest logit. */
    static int addPredictions(ConfusionMatrix confusion, Tensor logits, Tensor labels) {
        int[] predicted = logits.argmax(1, false).toIntArray();
        int[] truth = labels.toIntArray();
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion.add(truth[i], predicted[i]);
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return correct;
    }
}
