package org.cortexj.train;

import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.tensor.Generator;

/** Small synthetic image datasets whose class is visible in the pixels, so a network can learn them. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /**
     * Images of 8x8 where class c lights a bright bar in row c (classes 0..3), plus noise, so
     * a small network reaches high accuracy in a few epochs.
     */
    static ImageDataset bars(int count, long seed) {
        Generator generator = new Generator(seed);
        byte[] images = new byte[count * 64];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = generator.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                int noise = generator.nextInt(60);
                int row = p / 8;
                images[i * 64 + p] = (byte) (row == 2 * label ? 190 + noise : noise);
            }
        }
        return ImageDataset.of("bars", images, labels, 8, 8, 4);
    }

    static NetworkDescription smallNetwork() {
        return NetworkDescription.builder(1, 8, 8)
                .convolution("conv", 4, 3)
                .maxPool(2, 2)
                .activation("selu")
                .linear("hidden", 16)
                .dropout(0.2)
                .linear("out", 4)
                .softmax()
                .build();
    }
}
