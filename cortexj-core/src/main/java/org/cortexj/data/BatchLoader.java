package org.cortexj.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Cuts an image dataset into batches, in order or shuffled by a seeded generator. Images stay
 * bytes until a batch is made, where they are scaled and normalized into float32. The last
 * batch holds the remainder when the dataset size is not a multiple of the batch size.
 */
public final class BatchLoader {

    private final ImageDataset dataset;
    private final int batchSize;
    private final Normalization normalization;

    public BatchLoader(ImageDataset dataset, int batchSize, Normalization normalization) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchLoader: batch size must be >= 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.normalization = normalization;
    }

    public ImageDataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Number of batches per pass, counting a final partial batch. */
    public int batchCount() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    /** Batches in dataset order. */
    public Iterable<Batch> inOrder() {
        int[] order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return () -> batches(order);
    }

    /** Batches in an order drawn from {@code generator}, which advances by one permutation. */
    public Iterable<Batch> shuffled(Generator generator) {
        int[] order = generator.permutation(dataset.size());
        return () -> batches(order);
    }

    private Iterator<Batch> batches(int[] order) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int size = Math.min(batchSize, order.length - next);
                int[] indices = java.util.Arrays.copyOfRange(order, next, next + size);
                next += size;
                return makeBatch(indices);
            }
        };
    }

    /** Builds the batch of the given example positions. */
    public Batch makeBatch(int[] indices) {
        int pixelsPerImage = dataset.pixelsPerImage();
        float[] images = new float[indices.length * pixelsPerImage];
        int[] labels = new int[indices.length];
        byte[] source = dataset.images();
        float scale = (float) (1.0 / (255.0 * normalization.std()));
        float shift = (float) (normalization.mean() / normalization.std());
        for (int b = 0; b < indices.length; b++) {
            int from = indices[b] * pixelsPerImage;
            int to = b * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                images[to + p] = (source[from + p] & 0xff) * scale - shift;
            }
            labels[b] = dataset.label(indices[b]);
        }
        Tensor imageTensor = Tensor.of(images, indices.length, 1, dataset.rows(), dataset.columns());
        return new Batch(imageTensor, Tensor.of(labels, indices.length), indices);
    }
}
