package org.cortexj.train.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeSet;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.train.Predictions;

/**
 * The JSON data behind the clickable confusion matrix: for each cell the ids of its images
 * (at most {@link #CELL_LIMIT}, most confident first) and, for each listed id, the image as
 * base64 PNG, its true class, its predicted class and its class probabilities rounded by
 * {@link #rounded}. An image id is its position in the evaluated test set.
 */
final class GalleryData {

    /** Most images listed per cell. */
    static final int CELL_LIMIT = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GalleryData() {
    }

    /** Builds the JSON text, escaped for a {@code <script>} element. */
    static String json(Predictions predictions, ImageDataset images) {
        List<List<Integer>> cells = CellSelection.byCell(predictions, CELL_LIMIT);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("classes", predictions.classes());
        root.put("limit", CELL_LIMIT);
        ArrayNode cellArray = root.putArray("cells");
        TreeSet<Integer> listed = new TreeSet<>();
        for (List<Integer> cell : cells) {
            ArrayNode ids = cellArray.addArray();
            cell.forEach(ids::add);
            listed.addAll(cell);
        }
        ObjectNode imageObject = root.putObject("images");
        for (int id : listed) {
            ArrayNode entry = imageObject.putArray(Integer.toString(id));
            entry.add(PngImages.base64(PngImages.datasetImage(images, id)));
            entry.add(predictions.label(id));
            entry.add(predictions.predicted(id));
            ArrayNode probabilities = entry.addArray();
            for (float probability : predictions.probabilities(id)) {
                probabilities.add(rounded(probability));
            }
        }
        try {
            return HtmlText.jsonForScript(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gallery data: JSON serialization failed: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Rounds a probability to six decimals to keep the page small, but keeps a positive value
     * above 0 and a value below 1 under 1, so the page never shows an inexact probability as
     * certain.
     */
    static double rounded(float probability) {
        double value = Math.round(probability * 1e6) / 1e6;
        if (probability > 0 && value == 0) {
            return 1e-6;
        }
        if (probability < 1 && value == 1) {
            return 1 - 1e-6;
        }
        return value;
    }
}
