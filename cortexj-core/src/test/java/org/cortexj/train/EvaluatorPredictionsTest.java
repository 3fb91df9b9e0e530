package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.autograd.GradMode;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EvaluatorPredictionsTest {

    private static final int CLASSES = 4;

    private static Network untrainedNetwork() {
        return NetworkFactory.build(TrainingFixtures.smallNetwork(), new Generator(11), new Generator(12));
    }

    @Test
    void detailedPassMatchesPlainEvaluation() {
        Network network = untrainedNetwork();
        ImageDataset test = TrainingFixtures.bars(45, 3);
        // A batch size that does not divide 45 also covers the last partial batch.
        BatchLoader loader = new BatchLoader(test, 16, Normalization.of(test));

        EvaluationResult plain = Evaluator.evaluate(network, loader, CLASSES);
        DetailedEvaluation detailed = Evaluator.evaluateWithPredictions(network, loader, CLASSES);

        assertEquals(plain.loss(), detailed.result().loss());
        assertEquals(plain.accuracy(), detailed.result().accuracy());
        assertEquals(plain.examples(), detailed.result().examples());
        for (int row = 0; row < CLASSES; row++) {
            assertArrayEquals(plain.confusion().counts()[row], detailed.result().confusion().counts()[row],
                    "confusion row " + row);
        }
    }

    @Test
    void predictionsAgreeWithConfusionCounts() {
        ImageDataset test = TrainingFixtures.bars(45, 3);
        DetailedEvaluation detailed = Evaluator.evaluateWithPredictions(untrainedNetwork(),
                new BatchLoader(test, 16, Normalization.of(test)), CLASSES);
        Predictions predictions = detailed.predictions();

        long[][] counted = new long[CLASSES][CLASSES];
        for (int i = 0; i < predictions.size(); i++) {
            assertEquals(test.label(i), predictions.label(i), "label of example " + i);
            counted[predictions.label(i)][predictions.predicted(i)]++;
        }
        for (int row = 0; row < CLASSES; row++) {
            assertArrayEquals(detailed.result().confusion().counts()[row], counted[row], "confusion row " + row);
        }
    }

    @Test
    void probabilitiesAreSoftmaxOfLogits() {
        Network network = untrainedNetwork();
        ImageDataset test = TrainingFixtures.bars(20, 5);
        Normalization normalization = Normalization.of(test);
        Predictions predictions = Evaluator.evaluateWithPredictions(network,
                new BatchLoader(test, 7, normalization), CLASSES).predictions();

        network.eval();
        double[] logits;
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor images = new BatchLoader(test, 20, normalization).makeBatch(range(20)).images();
            logits = network.forward(images).toDoubleArray();
        }
        for (int i = 0; i < 20; i++) {
            double[] expected = naiveSoftmax(logits, i * CLASSES, CLASSES);
            int largest = 0;
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(expected[c], predictions.probability(i, c), 1e-5, "example " + i + ", class " + c);
                sum += predictions.probability(i, c);
                largest = logits[i * CLASSES + c] > logits[i * CLASSES + largest] ? c : largest;
            }
            assertEquals(1.0, sum, 1e-5, "probabilities of example " + i + " sum to 1");
            assertEquals(largest, predictions.predicted(i), "predicted class of example " + i);
            assertEquals(predictions.probability(i, largest), predictions.confidence(i));
        }
    }

    @Test
    void trainingModeIsRestored() {
        Network network = untrainedNetwork();
        network.train();
        ImageDataset test = TrainingFixtures.bars(10, 5);
        Evaluator.evaluateWithPredictions(network, new BatchLoader(test, 4, Normalization.of(test)), CLASSES);
        assertTrue(network.isTraining());
    }

    @Test
    void predictionsRejectMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> new Predictions(2, new int[3], new int[2], new float[6]));
        assertThrows(IllegalArgumentException.class, () -> new Predictions(2, new int[3], new int[3], new float[5]));
        assertThrows(IllegalArgumentException.class, () -> new Predictions(0, new int[0], new int[0], new float[0]));
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    private static double[] naiveSoftmax(double[] logits, int offset, int classes) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            largest = Math.max(largest, logits[offset + c]);
        }
        double[] result = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            result[c] = Math.exp(logits[offset + c] - largest);
            sum += result[c];
        }
        for (int c = 0; c < classes; c++) {
            result[c] /= sum;
        }
        return result;
    }
}
