package org.cortexj.data.idx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Grayscale images with one class label each, as in MNIST: {@code size} images of
 * {@code rows x columns} unsigned bytes (0 to 255) and labels in [0, {@link #classCount()}).
 *
 * <p>The image and label arrays are shared, not copied, so a 60,000-image set costs its 47 MB
 * once. Treat them as read-only. Instances are built with {@link #read(Path, Path, int)} or
 * {@link #fromIdx(IdxFile, IdxFile, int)}, which check that the two files match.
 */
public final class ImageDataset {
    private final String imagesSource;
    private final String labelsSource;
    private final byte[] images;
    private final byte[] labels;
    private final int size;
    private final int rows;
    private final int columns;
    private final int classCount;

    private ImageDataset(String imagesSource, String labelsSource, byte[] images, byte[] labels, int size, int rows,
                         int columns, int classCount) {
        this.imagesSource = imagesSource;
        this.labelsSource = labelsSource;
        this.images = images;
        this.labels = labels;
        this.size = size;
        this.rows = rows;
        this.columns = columns;
        this.classCount = classCount;
    }

    /**
     * Wraps images and labels held in memory, for data made by a program rather than read from
     * files. Arrays are not copied.
     *
     * @param images size × rows × columns unsigned bytes, row-major
     * @param labels one class index per image, each below {@code classCount}
     */
    public static ImageDataset of(String name, byte[] images, byte[] labels, int rows, int columns, int classCount) {
        if (rows < 1 || columns < 1 || classCount < 1 || classCount > 256) {
            throw new IllegalArgumentException("ImageDataset " + name + ": need rows, columns >= 1 and classCount in "
                    + "[1, 256], got " + rows + ", " + columns + ", " + classCount);
        }
        if ((long) labels.length * rows * columns != images.length) {
            long needed = (long) labels.length * rows * columns;
            throw new IllegalArgumentException("ImageDataset " + name + ": " + labels.length + " labels need "
                    + labels.length + " images of " + rows + "x" + columns + " = " + needed + " image bytes, got "
                    + images.length + "; the label count must equal the image count");
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= classCount) {
                throw new IllegalArgumentException("ImageDataset " + name + ": label " + (labels[i] & 0xff)
                        + " of image " + i + " is not below classCount " + classCount);
            }
        }
        return new ImageDataset(name, name, images, labels, labels.length, rows, columns, classCount);
    }

    /** Returns a copy of the first {@code count} examples. */
    public ImageDataset first(int count) {
        if (count < 1 || count > size) {
            throw new IllegalArgumentException("ImageDataset.first: count must be in [1, " + size + "], got " + count);
        }
        int pixels = rows * columns;
        return new ImageDataset(imagesSource + " (first " + count + ")", labelsSource + " (first " + count + ")",
                java.util.Arrays.copyOf(images, count * pixels), java.util.Arrays.copyOf(labels, count), count, rows,
                columns, classCount);
    }

    private ImageDataset(IdxFile imageFile, IdxFile labelFile, int classCount) {
        this.imagesSource = imageFile.source();
        this.labelsSource = labelFile.source();
        this.images = imageFile.bytes();
        this.labels = labelFile.bytes();
        this.size = imageFile.dimension(0);
        this.rows = imageFile.dimension(1);
        this.columns = imageFile.dimension(2);
        this.classCount = classCount;
    }

    /**
     * Reads an images file and a labels file, each raw or gzip, with a default {@link IdxReader}.
     *
     * @param classCount number of classes, in [1, 256]; every label must be below it
     * @throws IdxFormatException if either file is invalid or the two do not match
     */
    public static ImageDataset read(Path imagesFile, Path labelsFile, int classCount) throws IOException {
        return read(new IdxReader(), imagesFile, labelsFile, classCount);
    }

    /** Reads an images file and a labels file like {@link #read(Path, Path, int)} with the given reader. */
    public static ImageDataset read(IdxReader reader, Path imagesFile, Path labelsFile, int classCount)
            throws IOException {
        ImageDatasetChecks.requireClassCount(classCount);
        return fromIdx(reader.read(imagesFile), reader.read(labelsFile), classCount);
    }

    /**
     * Pairs an images file with a labels file. Images must be unsigned bytes with dimensions
     * {@code [size, rows, columns]}, labels unsigned bytes with dimensions {@code [size]}, the
     * sizes equal and at least 1, and every label in [0, classCount). Each failure names both files.
     *
     * @throws IdxFormatException if a rule is broken
     */
    public static ImageDataset fromIdx(IdxFile images, IdxFile labels, int classCount) throws IdxFormatException {
        ImageDatasetChecks.requireClassCount(classCount);
        ImageDatasetChecks.requirePair(images, labels, classCount);
        return new ImageDataset(images, labels, classCount);
    }

    /** Number of images. */
    public int size() {
        return size;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Number of pixels in one image: {@code rows * columns}. */
    public int pixelsPerImage() {
        return rows * columns;
    }

    /** Number of classes; labels are in [0, classCount). */
    public int classCount() {
        return classCount;
    }

    /** Returns {@code [size, rows, columns]}. */
    public int[] shape() {
        return new int[] {size, rows, columns};
    }

    /**
     * Returns all pixels as unsigned bytes, image after image, each row-major: pixel
     * {@code (row, column)} of image {@code i} is at {@code i * pixelsPerImage() + row * columns() + column}.
     * The array is shared, not copied.
     */
    public byte[] images() {
        return images;
    }

    /** Returns the labels as unsigned bytes, one per image. The array is shared, not copied. */
    public byte[] labels() {
        return labels;
    }

    /** Returns a new array with the labels as ints, for use as class indices. */
    public int[] labelsAsInts() {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = Byte.toUnsignedInt(labels[i]);
        }
        return values;
    }

    /** Returns the label of one image, in [0, classCount). */
    public int label(int image) {
        return Byte.toUnsignedInt(labels[checkImageIndex(image)]);
    }

    /** Returns one pixel, in [0, 255]. */
    public int pixel(int image, int row, int column) {
        checkImageIndex(image);
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException(String.format(
                    "ImageDataset: pixel (%d, %d) is outside the %d x %d image", row, column, rows, columns));
        }
        return Byte.toUnsignedInt(images[image * pixelsPerImage() + row * columns + column]);
    }

    /** File path or stream name of the images. */
    public String imagesSource() {
        return imagesSource;
    }

    /** File path or stream name of the labels. */
    public String labelsSource() {
        return labelsSource;
    }

    /** Returns text such as {@code 60000 images of 28 x 28, 10 classes, from ... and ...}. */
    @Override
    public String toString() {
        return String.format("%d images of %d x %d, %d classes, from %s and %s",
                size, rows, columns, classCount, imagesSource, labelsSource);
    }

    private int checkImageIndex(int image) {
        if (image < 0 || image >= size) {
            throw new IndexOutOfBoundsException(String.format(
                    "ImageDataset: image index %d is outside [0, %d)", image, size));
        }
        return image;
    }
}
