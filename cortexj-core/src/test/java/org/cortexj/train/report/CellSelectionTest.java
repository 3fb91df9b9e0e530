package org.cortexj.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cortexj.train.Predictions;
import org.junit.jupiter.api.Test;

class CellSelectionTest {

    /**
     * Builds six examples of two classes. Confidence is the probability of the predicted class.
     * <pre>
     * example  true  predicted  confidence
     *       0     0          0        0.6
     *       1     0          0        0.9
     *       2     0          1        0.8
     *       3     1          0        0.95
     *       4     0          0        0.9
     *       5     1          1        0.7
     * </pre>
     */
    private static Predictions predictions() {
        int[] labels = {0, 0, 0, 1, 0, 1};
        int[] predicted = {0, 0, 1, 0, 0, 1};
        float[] probabilities = {0.6f, 0.4f, 0.9f, 0.1f, 0.2f, 0.8f, 0.95f, 0.05f, 0.9f, 0.1f, 0.3f, 0.7f};
        return new Predictions(2, labels, predicted, probabilities);
    }

    @Test
    void cellsSortByConfidenceKeepingTies() {
        List<List<Integer>> cells = CellSelection.byCell(predictions(), 100);

        assertEquals(4, cells.size());
        assertEquals(List.of(1, 4, 0), cells.get(0), "true 0, predicted 0; 1 and 4 tie and keep dataset order");
        assertEquals(List.of(2), cells.get(1), "true 0, predicted 1");
        assertEquals(List.of(3), cells.get(2), "true 1, predicted 0");
        assertEquals(List.of(5), cells.get(3), "true 1, predicted 1");
    }

    @Test
    void cellsAreCutToLimit() {
        List<List<Integer>> cells = CellSelection.byCell(predictions(), 2);

        assertEquals(List.of(1, 4), cells.get(0));
        assertEquals(List.of(2), cells.get(1));
    }

    @Test
    void mistakesAreWrongOnlyMostConfidentFirst() {
        assertEquals(List.of(3, 2), CellSelection.confidentMistakes(predictions(), 10));
        assertEquals(List.of(3), CellSelection.confidentMistakes(predictions(), 1));
    }

    @Test
    void noMistakesGivesEmptyList() {
        Predictions perfect = new Predictions(2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 0, 0, 1});
        assertEquals(List.of(), CellSelection.confidentMistakes(perfect, 10));
    }
}
