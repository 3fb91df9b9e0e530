package org.cortexj.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.idx.IdxFile;
import org.cortexj.data.idx.IdxReader;
import org.cortexj.data.idx.IdxType;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.train.ModelStore;
import org.cortexj.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cortexj predict}: top-k classes for an image file or the images of an IDX file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify a PNG or JPEG image (converted to grayscale and resized to the model's input) or "
                + "every image of an IDX images file, printing the top-k classes with probabilities.")
final class PredictCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file written by train.")
    Path model;

    @Parameters(index = "1", paramLabel = "INPUT", description = "A PNG/JPEG image or an IDX images file (raw or gzip).")
    Path input;

    @Option(names = "--top", defaultValue = "3", description = "How many classes to print per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--limit", defaultValue = "10", description = "Images of an IDX file to classify (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--invert", description = "Invert gray levels of a PNG/JPEG first (for dark digits on white paper; "
            + "MNIST digits are white on black).")
    boolean invert;

    private final PrintStream out;

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be >= 1, got " + top);
        }
        ModelStore.LoadedModel loaded = ModelStore.load(model);
        Network network = loaded.network();
        network.eval();
        int[] shape = network.description().input();
        ImageDataset images = read(shape[1], shape[2]);
        BatchLoader loader = new BatchLoader(images, images.size(), StoredNormalization.of(loaded.metadata()));
        int[] all = new int[images.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Tensor probabilities = network.predictProbabilities(loader.makeBatch(all).images());
        double[] values = probabilities.toDoubleArray();
        int classes = probabilities.dim(1);
        for (int image = 0; image < images.size(); image++) {
            out.printf(Locale.ROOT, "%s[%d]:", input.getFileName(), image);
            boolean[] used = new boolean[classes];
            for (int rank = 0; rank < Math.min(top, classes); rank++) {
                int best = -1;
                for (int c = 0; c < classes; c++) {
                    if (!used[c] && (best < 0 || values[image * classes + c] > values[image * classes + best])) {
                        best = c;
                    }
                }
                used[best] = true;
                out.printf(Locale.ROOT, "  %d (%.4f)", best, values[image * classes + best]);
            }
            out.println();
        }
        return 0;
    }

    private ImageDataset read(int rows, int columns) throws IOException {
        BufferedImage picture = ImageIO.read(input.toFile());
        if (picture != null) {
            return ImageDataset.of(input.toString(), grayscale(picture, rows, columns), new byte[1], rows, columns, 10);
        }
        IdxFile file = new IdxReader().read(input, IdxType.UNSIGNED_BYTE, 3);
        int count = Math.min(limit, file.dimension(0));
        if (file.dimension(1) != rows || file.dimension(2) != columns) {
            throw new IllegalArgumentException(input + ": images are " + file.dimension(1) + "x" + file.dimension(2)
                    + " but the model expects " + rows + "x" + columns);
        }
        byte[] pixels = java.util.Arrays.copyOf(file.bytes(), count * rows * columns);
        return ImageDataset.of(input.toString(), pixels, new byte[count], rows, columns, 10);
    }

    /** Scales the picture to rows × columns with bilinear filtering and converts it to gray bytes. */
    private byte[] grayscale(BufferedImage picture, int rows, int columns) {
        BufferedImage scaled = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(picture, 0, 0, columns, rows, null);
        graphics.dispose();
        byte[] pixels = new byte[rows * columns];
        scaled.getRaster().getDataElements(0, 0, columns, rows, pixels);
        if (invert) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (255 - (pixels[i] & 0xff));
            }
        }
        return pixels;
    }
}
