package org.cortexj.train.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cortexj.train.Predictions;

/**
 * Chooses which test images the report shows: for each confusion-matrix cell, its images
 * sorted by confidence (probability of the predicted class, highest first) up to a limit, and
 * overall the most confidently wrong images. Ties keep dataset order.
 */
public final class CellSelection {

    private CellSelection() {
    }

    /**
     * Image indices per cell, at index {@code trueClass * classes + predictedClass}, each list
     * sorted by confidence and cut to {@code limit}.
     */
    public static List<List<Integer>> byCell(Predictions predictions, int limit) {
        int classes = predictions.classes();
        List<List<Integer>> cells = new ArrayList<>();
        for (int i = 0; i < classes * classes; i++) {
            cells.add(new ArrayList<>());
        }
        for (int example = 0; example < predictions.size(); example++) {
            cells.get(predictions.label(example) * classes + predictions.predicted(example)).add(example);
        }
        List<List<Integer>> selected = new ArrayList<>();
        for (List<Integer> cell : cells) {
            selected.add(mostConfident(predictions, cell, limit));
        }
        return selected;
    }

    /** Indices of wrongly classified images, most confident first, at most {@code limit}. */
    public static List<Integer> confidentMistakes(Predictions predictions, int limit) {
        List<Integer> wrong = new ArrayList<>();
        for (int example = 0; example < predictions.size(); example++) {
            if (predictions.label(example) != predictions.predicted(example)) {
                wrong.add(example);
            }
        }
        return mostConfident(predictions, wrong, limit);
    }

    private static List<Integer> mostConfident(Predictions predictions, List<Integer> examples, int limit) {
        List<Integer> sorted = new ArrayList<>(examples);
        // List.sort is stable, so equal confidences keep dataset order.
        sorted.sort(Comparator.comparingDouble((Integer example) -> predictions.confidence(example)).reversed());
        return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }
}
