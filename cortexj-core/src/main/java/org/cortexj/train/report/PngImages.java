package org.cortexj.train.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.cortexj.data.idx.ImageDataset;

/**
 * Small images for the report, encoded as PNG with the JDK's ImageIO: dataset images for the
 * galleries and learned filters, and their {@code data:} URIs for embedding in the page.
 */
public final class PngImages {

    /** Prefix of every data URI this class makes. */
    public static final String DATA_URI_PREFIX = "data:image/png;base64,";

    private PngImages() {
    }

    /** Converts one dataset image to 8-bit grayscale, its pixels as stored (0 black, 255 white). */
    public static BufferedImage datasetImage(ImageDataset dataset, int index) {
        if (index < 0 || index >= dataset.size()) {
            throw new IndexOutOfBoundsException("datasetImage: index " + index + " is outside [0, " + dataset.size()
                    + ")");
        }
        int rows = dataset.rows();
        int columns = dataset.columns();
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = dataset.images();
        int offset = index * dataset.pixelsPerImage();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int value = pixels[offset + row * columns + column] & 0xff;
                image.getRaster().setSample(column, row, 0, value);
            }
        }
        return image;
    }

    /**
     * Converts a weight plane to grayscale: 0 is mid-gray, +{@code scale} white, -{@code scale} black.
     *
     * @param weights row-major {@code height x width} values starting at {@code offset}
     * @param scale largest absolute value to show at full brightness, > 0
     */
    public static BufferedImage weightImage(float[] weights, int offset, int height, int width, double scale) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                double value = weights[offset + row * width + column] / scale;
                int gray = (int) Math.round(127.5 + 127.5 * Math.max(-1, Math.min(1, value)));
                image.getRaster().setSample(column, row, 0, gray);
            }
        }
        return image;
    }

    /** Encodes an image as PNG bytes. */
    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("encode: ImageIO has no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encode: writing PNG to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Encodes an image as PNG in base64 text, without the data URI prefix. */
    public static String base64(BufferedImage image) {
        return Base64.getEncoder().encodeToString(encode(image));
    }

    /** Encodes an image as PNG in a {@code data:image/png;base64,...} URI. */
    public static String dataUri(BufferedImage image) {
        return DATA_URI_PREFIX + base64(image);
    }
}
