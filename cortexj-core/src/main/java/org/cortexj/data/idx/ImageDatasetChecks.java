package org.cortexj.data.idx;

import java.util.Arrays;

/** Rules that an images file and a labels file must meet to form an {@link ImageDataset}. */
final class ImageDatasetChecks {
    /** Labels are stored as unsigned bytes, so at most 256 classes fit. */
    static final int MAX_CLASS_COUNT = 256;

    private ImageDatasetChecks() {
    }

    static void requireClassCount(int classCount) {
        if (classCount < 1 || classCount > MAX_CLASS_COUNT) {
            throw new IllegalArgumentException(String.format(
                    "ImageDataset: classCount must be in [1, %d], got %d", MAX_CLASS_COUNT, classCount));
        }
    }

    static void requirePair(IdxFile images, IdxFile labels, int classCount) throws IdxFormatException {
        String pair = String.format("images %s, labels %s", images.source(), labels.source());
        boolean swapped = images.rank() == 1 && labels.rank() == 3;
        requireTypeAndRank(pair, "images", images, 3, swapped);
        requireTypeAndRank(pair, "labels", labels, 1, swapped);

        int imageCount = images.dimension(0);
        int labelCount = labels.dimension(0);
        if (imageCount != labelCount) {
            throw new IdxFormatException(String.format(
                    "ImageDataset (%s): %d images but %d labels; the counts must be equal, "
                            + "so check that both files belong to the same split",
                    pair, imageCount, labelCount));
        }
        if (imageCount == 0) {
            throw new IdxFormatException(String.format("ImageDataset (%s): the files contain no images", pair));
        }
        requireLabelsInRange(pair, labels.bytes(), classCount);
    }

    private static void requireTypeAndRank(String pair, String role, IdxFile file, int rank, boolean swapped)
            throws IdxFormatException {
        if (file.type() == IdxType.UNSIGNED_BYTE && file.rank() == rank) {
            return;
        }
        String hint = swapped ? "; the images and labels files look swapped" : "";
        throw new IdxFormatException(String.format(
                "ImageDataset (%s): %s magic number 0x%08x (%s) %s, expected 0x%08x (%s)%s",
                pair, role, file.header().magicNumber(), IdxHeader.describe(file.type(), file.rank()),
                Arrays.toString(file.dimensions()), IdxHeader.magicNumber(IdxType.UNSIGNED_BYTE, rank),
                IdxHeader.describe(IdxType.UNSIGNED_BYTE, rank), hint));
    }

    private static void requireLabelsInRange(String pair, byte[] labels, int classCount)
            throws IdxFormatException {
        for (int i = 0; i < labels.length; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= classCount) {
                throw new IdxFormatException(String.format(
                        "ImageDataset (%s): label %d at index %d is outside [0, %d); "
                                + "check the class count or the labels file",
                        pair, label, i, classCount));
            }
        }
    }
}
