package org.cortexj.train.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cortexj.train.EpochMetrics;
import org.cortexj.train.TrainingResult;

/**
 * Training-run facts stored in the model metadata, so that {@code evaluate} can write the same
 * report later: the run's totals, the epoch history, the machine, the dataset sizes and the
 * throughput.
 *
 * <p>Keys: {@code dataset}, {@code epochs}, {@code best_epoch}, {@code test_accuracy},
 * {@code test_loss}, {@code wall_seconds}, {@code history} (one object per epoch with the
 * fields of {@link EpochMetrics}, as training checkpoints store it), {@code machine}
 * ({@link MachineInfo#toJson()}), {@code train_images}, {@code test_images} and
 * {@code images_per_second}.
 */
public final class RunMetadata {

    static final String HISTORY = "history";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunMetadata() {
    }

    /**
     * Adds the run's totals, history, machine, dataset sizes and throughput to {@code metadata}.
     *
     * @param dataset dataset name or folder as given on the command line
     */
    public static void record(ObjectNode metadata, String dataset, TrainingResult result, int trainImages,
                              int testImages) {
        metadata.put("dataset", dataset);
        metadata.put("epochs", result.history().size());
        metadata.put("best_epoch", result.bestEpoch());
        metadata.put("test_accuracy", result.best().accuracy());
        metadata.put("test_loss", result.best().loss());
        metadata.put("wall_seconds", result.seconds());
        ArrayNode history = metadata.putArray(HISTORY);
        for (EpochMetrics metrics : result.history()) {
            history.add(MAPPER.valueToTree(metrics));
        }
        metadata.set("machine", MachineInfo.current().toJson());
        metadata.put("train_images", trainImages);
        metadata.put("test_images", testImages);
        metadata.put("images_per_second", imagesPerSecond(result.history()));
    }

    /**
     * Returns the epoch history stored by {@link #record}, or empty when the model has none
     * (models saved before the report existed, or by other tools).
     *
     * @throws IllegalArgumentException if the history is present but an entry is malformed
     */
    public static Optional<List<EpochMetrics>> history(JsonNode metadata) {
        JsonNode node = metadata.get(HISTORY);
        if (node == null || !node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (JsonNode entry : node) {
            try {
                history.add(MAPPER.treeToValue(entry, EpochMetrics.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("model metadata: history entry " + history.size() + " is not an "
                        + "epoch record (" + e.getOriginalMessage() + "); write the model again with cortexj train", e);
            }
        }
        return Optional.of(history);
    }

    /** Returns training images per second over the whole run: images of all epochs over their summed time. */
    public static double imagesPerSecond(List<EpochMetrics> history) {
        double images = 0;
        double seconds = 0;
        for (EpochMetrics metrics : history) {
            images += metrics.imagesPerSecond() * metrics.seconds();
            seconds += metrics.seconds();
        }
        return seconds > 0 ? images / seconds : Double.NaN;
    }
}
