package org.cortexj.cli;

import java.util.Locale;
import org.cortexj.optim.schedule.CosineAnnealing;
import org.cortexj.optim.schedule.LearningRateSchedule;

/** Parser of the {@code --schedule} and {@code --decay-images} options into a learning rate schedule. */
final class ScheduleChoice {

    private ScheduleChoice() {
    }

    /**
     * Returns the schedule named {@code name}, or null for a constant rate.
     *
     * @param name {@code constant} or {@code cosine}, any case
     * @param rate initial learning rate
     * @param decayImages training images over which the cosine falls to 0; 0 means the whole run
     * @param runImages training images of the whole run: epochs × training set size
     * @param batchSize examples per step, so that images convert to optimizer steps
     * @throws IllegalArgumentException naming the option for an unknown name or a negative count
     */
    static LearningRateSchedule parse(String name, double rate, long decayImages, long runImages, int batchSize) {
        if (decayImages < 0) {
            throw new IllegalArgumentException("--decay-images must be >= 0, got " + decayImages
                    + "; 0 decays over the whole run");
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "constant":
                return null;
            case "cosine":
                long images = decayImages > 0 ? decayImages : runImages;
                return new CosineAnnealing(rate, 0, Math.max(1, ceilDiv(images, batchSize)));
            default:
                throw new IllegalArgumentException("--schedule: unknown schedule '" + name
                        + "'; use constant or cosine");
        }
    }

    /** Returns the one-line description stored in model metadata and shown in reports. */
    static String describe(String name, long decayImages) {
        if (name.equalsIgnoreCase("cosine")) {
            return decayImages > 0
                    ? String.format(Locale.ROOT, "cosine to 0 over %d images", decayImages)
                    : "cosine to 0 over the run";
        }
        return "constant";
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
