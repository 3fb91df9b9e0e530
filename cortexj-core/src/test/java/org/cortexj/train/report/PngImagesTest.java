package org.cortexj.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.train.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class PngImagesTest {

    /** The eight bytes every PNG file starts with (PNG specification, section 5.2). */
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Decodes a data URI, checks that it contains a PNG, and returns the image. */
    static BufferedImage decodeDataUri(String uri) throws IOException {
        assertTrue(uri.startsWith("data:image/png;base64,"), uri.substring(0, Math.min(40, uri.length())));
        return decodePng(Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length())));
    }

    static BufferedImage decodePng(byte[] bytes) throws IOException {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "ImageIO decodes the PNG");
        return image;
    }

    @Test
    void datasetImageRoundTripsThroughDataUri() throws IOException {
        ImageDataset dataset = ReportFixtures.bars(3, 9);

        BufferedImage decoded = decodeDataUri(PngImages.dataUri(PngImages.datasetImage(dataset, 2)));

        assertEquals(8, decoded.getWidth());
        assertEquals(8, decoded.getHeight());
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                assertEquals(dataset.pixel(2, row, column), decoded.getRaster().getSample(column, row, 0),
                        "pixel " + row + "," + column);
            }
        }
    }

    @Test
    void weightImageMapsZeroToMidGray() throws IOException {
        float[] weights = {-2, -1, 0, 1, 2, 4};

        BufferedImage image = decodeDataUri(PngImages.dataUri(PngImages.weightImage(weights, 1, 1, 4, 2)));

        assertEquals(4, image.getWidth());
        int[] expected = {64, 128, 191, 255};
        for (int column = 0; column < 4; column++) {
            assertEquals(expected[column], image.getRaster().getSample(column, 0, 0), "column " + column);
        }
    }

    @Test
    void curvesPngHasPanelsAndSeriesColor() throws IOException {
        byte[] png = PngCharts.curves(HistoryCharts.of(ReportFixtures.history(3)), 2);

        BufferedImage image = decodePng(png);
        assertEquals((int) (2 * PngCharts.PANEL_WIDTH * PngCharts.SCALE), image.getWidth());
        assertEquals((int) (PngCharts.PANEL_HEIGHT * PngCharts.SCALE), image.getHeight());
        assertTrue(containsColor(image, HistoryCharts.TRAIN), "training line drawn");
        assertTrue(containsColor(image, HistoryCharts.TEST), "test line drawn");
    }

    @Test
    void confusionPngHasCellColors() throws IOException {
        long[][] counts = {{50, 2}, {0, 40}};

        BufferedImage image = decodePng(PngCharts.confusion(ConfusionMatrix.of(counts)));

        assertEquals((int) Math.ceil(ConfusionHeatmapPainter.width(2) * PngCharts.SCALE), image.getWidth());
        assertEquals((int) Math.ceil(ConfusionHeatmapPainter.height(2) * PngCharts.SCALE), image.getHeight());
        assertTrue(containsColor(image, HeatColors.fill(50, 50, true)), "largest diagonal cell");
        assertTrue(containsColor(image, HeatColors.fill(2, 2, false)), "error cell");
        assertTrue(containsColor(image, HeatColors.EMPTY), "empty cell");
    }

    private static boolean containsColor(BufferedImage image, Rgb color) {
        int wanted = color.toAwt().getRGB();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == wanted) {
                    return true;
                }
            }
        }
        return false;
    }
}
