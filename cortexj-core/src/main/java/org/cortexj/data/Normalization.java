package org.cortexj.data;

import org.cortexj.data.idx.ImageDataset;

/**
 * Pixel scaling applied when a batch is made: value = (byte / 255 − mean) / std.
 *
 * @param mean mean of the scaled training pixels
 * @param std standard deviation of the scaled training pixels, > 0
 */
public record Normalization(double mean, double std) {

    /** Only scales bytes to [0, 1]. */
    public static final Normalization UNIT_RANGE = new Normalization(0, 1);

    public Normalization {
        if (!(std > 0) || !Double.isFinite(mean) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("Normalization: need finite mean and std > 0, got mean " + mean
                    + ", std " + std);
        }
    }

    /** Mean and standard deviation of every pixel of a dataset, after scaling to [0, 1]. */
    public static Normalization of(ImageDataset dataset) {
        byte[] pixels = dataset.images();
        long[] counts = new long[256];
        for (byte pixel : pixels) {
            counts[pixel & 0xff]++;
        }
        double total = pixels.length;
        double mean = 0;
        for (int value = 0; value < 256; value++) {
            mean += counts[value] * (value / 255.0);
        }
        mean /= total;
        double variance = 0;
        for (int value = 0; value < 256; value++) {
            double deviation = value / 255.0 - mean;
            variance += counts[value] * deviation * deviation;
        }
        variance /= total;
        return new Normalization(mean, variance > 0 ? Math.sqrt(variance) : 1);
    }
}
