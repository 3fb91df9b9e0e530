package org.cortexj.data.idx;

import static org.cortexj.data.idx.IdxTestFiles.concat;
import static org.cortexj.data.idx.IdxTestFiles.gzip;
import static org.cortexj.data.idx.IdxTestFiles.header;
import static org.cortexj.data.idx.IdxTestFiles.unsignedBytes;
import static org.cortexj.data.idx.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDatasetTest {
    /** Three 2 x 3 images. Pixel (row, column) of image i is 100 * i + 10 * row + column, but the last is 255. */
    private static final int[] PIXELS = {
        0, 1, 2, 10, 11, 12,
        100, 101, 102, 110, 111, 112,
        200, 201, 202, 210, 211, 255,
    };

    @TempDir
    Path folder;

    @Test
    void readsMatchingPair() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels.gz", gzip(unsignedBytes(new int[] {3}, 0, 2, 1)));

        ImageDataset dataset = ImageDataset.read(images, labels, 3);

        assertEquals(3, dataset.size());
        assertEquals(2, dataset.rows());
        assertEquals(3, dataset.columns());
        assertEquals(6, dataset.pixelsPerImage());
        assertEquals(3, dataset.classCount());
        assertArrayEquals(new int[] {3, 2, 3}, dataset.shape());
        assertArrayEquals(new int[] {0, 2, 1}, dataset.labelsAsInts());
        assertEquals(2, dataset.label(1));
        assertEquals(112, dataset.pixel(1, 1, 2));
        assertEquals(255, dataset.pixel(2, 1, 2));
        assertEquals(18, dataset.images().length);
        assertEquals(images.toString(), dataset.imagesSource());
        assertEquals(labels.toString(), dataset.labelsSource());
    }

    @Test
    void pixelLayoutIsRowMajor() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {3}, 0, 0, 0));

        ImageDataset dataset = ImageDataset.read(images, labels, 1);

        for (int image = 0; image < 3; image++) {
            for (int row = 0; row < 2; row++) {
                for (int column = 0; column < 3; column++) {
                    int flat = image * 6 + row * 3 + column;
                    assertEquals(PIXELS[flat], dataset.pixel(image, row, column), "pixel " + flat);
                    assertEquals(PIXELS[flat], Byte.toUnsignedInt(dataset.images()[flat]), "flat " + flat);
                }
            }
        }
    }

    @Test
    void labelOutOfRangeNamesBothFiles() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {3}, 9, 3, 10));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();

        assertEquals(String.format("ImageDataset (images %s, labels %s): label 10 at index 2 is outside [0, 10); "
                + "check the class count or the labels file", images, labels), message);
    }

    @Test
    void labelAbove127ReadAsUnsigned() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {1, 1, 1}, 5));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {1}, 200));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();
        ImageDataset wide = ImageDataset.read(images, labels, 256);

        assertTrue(message.contains("label 200 at index 0"), message);
        assertEquals(200, wide.label(0));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path images = write(folder, "train-images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "t10k-labels", unsignedBytes(new int[] {2}, 1, 2));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();

        assertEquals(String.format("ImageDataset (images %s, labels %s): 3 images but 2 labels; the counts must "
                + "be equal, so check that both files belong to the same split", images, labels), message);
    }

    @Test
    void swappedFilesRejectedWithHint() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {3}, 0, 1, 2));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(labels, images, 10)).getMessage();

        assertEquals(String.format("ImageDataset (images %s, labels %s): images magic number 0x00000801 "
                + "(unsigned byte, 1 dimension) [3], expected 0x00000803 (unsigned byte, 3 dimensions); "
                + "the images and labels files look swapped", labels, images), message);
    }

    @Test
    void labelsOfWrongTypeRejected() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", concat(header(IdxType.INT, 3), new byte[12]));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();

        assertEquals(String.format("ImageDataset (images %s, labels %s): labels magic number 0x00000c01 "
                + "(int, 1 dimension) [3], expected 0x00000801 (unsigned byte, 1 dimension)", images, labels),
                message);
    }

    @Test
    void imagesOfRankFourRejected() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 1, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {3}, 0, 1, 2));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();

        assertTrue(message.contains("images magic number 0x00000804 (unsigned byte, 4 dimensions) [3, 1, 2, 3], "
                + "expected 0x00000803"), message);
    }

    @Test
    void emptyPairRejected() throws IOException {
        Path images = write(folder, "images", header(IdxType.UNSIGNED_BYTE, 0, 28, 28));
        Path labels = write(folder, "labels", header(IdxType.UNSIGNED_BYTE, 0));

        String message = assertThrows(IdxFormatException.class,
                () -> ImageDataset.read(images, labels, 10)).getMessage();

        assertEquals(String.format("ImageDataset (images %s, labels %s): the files contain no images", images, labels),
                message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 257})
    void classCountOutsideRangeRejected(int classCount) throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {1, 1, 1}, 5));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {1}, 0));

        String message = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.read(images, labels, classCount)).getMessage();

        assertEquals("ImageDataset: classCount must be in [1, 256], got " + classCount, message);
    }

    @Test
    void indexOutsideDatasetRejected() throws IOException {
        Path images = write(folder, "images", unsignedBytes(new int[] {3, 2, 3}, PIXELS));
        Path labels = write(folder, "labels", unsignedBytes(new int[] {3}, 0, 1, 2));
        ImageDataset dataset = ImageDataset.read(images, labels, 3);

        assertThrows(IndexOutOfBoundsException.class, () -> dataset.label(3));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.pixel(0, 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.pixel(-1, 0, 0));
    }
}
