package org.cortexj.train;

import java.util.Arrays;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.description.NetworkDescription;

/**
 * Checks, before the first step, that the training and test sets fit the network: grayscale
 * images of the network's input size and one network output per class. Without these checks a
 * mismatch fails only inside the first forward pass or, for labels, in the loss of a later batch.
 */
final class DatasetChecks {

    private DatasetChecks() {
    }

    static void requireCompatible(NetworkDescription network, ImageDataset train, ImageDataset test) {
        requireInputShape(network, "training", train);
        requireInputShape(network, "test", test);
        int[] output = network.outputShape();
        if (output.length != 1 || output[0] != train.classCount()) {
            throw new IllegalArgumentException("training: network output shape " + Arrays.toString(output)
                    + " does not match the " + train.classCount() + " classes of the training set "
                    + train.imagesSource() + "; the last linear layer needs units = " + train.classCount());
        }
        if (test.classCount() != train.classCount()) {
            throw new IllegalArgumentException("training: the test set " + test.imagesSource() + " has "
                    + test.classCount() + " classes but the training set has " + train.classCount()
                    + "; both must have the same class count");
        }
    }

    private static void requireInputShape(NetworkDescription network, String role, ImageDataset dataset) {
        int[] images = {1, dataset.rows(), dataset.columns()};
        if (!Arrays.equals(network.input(), images)) {
            throw new IllegalArgumentException("training: network input shape " + Arrays.toString(network.input())
                    + " does not match the " + role + " images " + Arrays.toString(images) + " of "
                    + dataset.imagesSource() + " (channels, rows, columns); describe the network with input "
                    + Arrays.toString(images));
        }
    }
}
