package org.cortexj.train.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The settings and totals of the training run that produced a model, as its metadata records
 * them. A value the metadata lacks is null for text and objects, -1 for counts and NaN for
 * measurements; the report shows it as not recorded.
 *
 * @param dataset dataset name or folder the network was trained on
 * @param trainImages training images per epoch
 * @param optimizer optimizer name, for example {@code adam}
 * @param learningRate initial learning rate
 * @param schedule how the learning rate changed over the run, for example
 *     {@code cosine to 0 over the run}, or null if not recorded
 * @param weightDecay the optimizer's weight decay, NaN if not recorded
 * @param labelSmoothing label smoothing of the training loss, NaN if not recorded
 * @param batchSize examples per optimizer step
 * @param seed seed of initialization, shuffling and dropout, or null
 * @param epochs epochs run
 * @param bestEpoch epoch whose network was kept
 * @param libraryVersion cortexj version that trained the model
 * @param wallSeconds wall time of training in seconds, evaluation included
 * @param imagesPerSecond training images per second over the whole run
 * @param machine machine that trained the model
 */
public record RunSettings(String dataset, int trainImages, String optimizer, double learningRate, String schedule,
                          double weightDecay, double labelSmoothing, int batchSize, Long seed, int epochs, int bestEpoch, String libraryVersion, double wallSeconds,
                          double imagesPerSecond, MachineInfo machine) {

    /** Reads the keys that {@code cortexj train} and {@link RunMetadata#record} write. */
    public static RunSettings fromMetadata(JsonNode metadata) {
        return new RunSettings(text(metadata, "dataset"), metadata.path("train_images").asInt(-1),
                text(metadata, "optimizer"), number(metadata, "learning_rate"), text(metadata, "schedule"),
                number(metadata, "weight_decay"), number(metadata, "label_smoothing"), metadata.path("batch_size").asInt(-1),
                metadata.hasNonNull("seed") ? metadata.get("seed").asLong() : null, metadata.path("epochs").asInt(-1),
                metadata.path("best_epoch").asInt(-1), text(metadata, "library_version"),
                number(metadata, "wall_seconds"), number(metadata, "images_per_second"),
                MachineInfo.fromJson(metadata.get("machine")));
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode node = metadata.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static double number(JsonNode metadata, String key) {
        JsonNode node = metadata.get(key);
        return node == null || node.isNull() ? Double.NaN : node.asDouble(Double.NaN);
    }
}
