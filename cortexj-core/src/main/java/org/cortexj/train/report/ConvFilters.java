package org.cortexj.train.report;

import java.util.Optional;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.LayerDescription;
import org.cortexj.nn.description.NetworkDescription;

/**
 * The learned filters of a convolution layer.
 *
 * @param layer layer name, for example {@code conv1}
 * @param filters number of filters (output channels)
 * @param channels input channels per filter
 * @param height kernel height
 * @param width kernel width
 * @param weights row-major {@code [filters, channels, height, width]}
 */
public record ConvFilters(String layer, int filters, int channels, int height, int width, float[] weights) {

    public ConvFilters {
        if ((long) filters * channels * height * width != weights.length) {
            throw new IllegalArgumentException("ConvFilters " + layer + ": " + weights.length + " weights do not fill ["
                    + filters + ", " + channels + ", " + height + ", " + width + "]");
        }
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** Returns the filters of the network's first layer, or empty when that layer is not a convolution. */
    public static Optional<ConvFilters> ofFirstLayer(Network network) {
        NetworkDescription description = network.description();
        if (description.layers().isEmpty() || !(description.layers().get(0) instanceof LayerDescription.Convolution)) {
            return Optional.empty();
        }
        String layer = description.layerName(0);
        Parameter weight = network.namedParameters().get(layer + ".weight");
        if (weight == null) {
            throw new IllegalStateException("ConvFilters: convolution layer " + layer + " has no parameter " + layer
                    + ".weight; parameters are " + network.namedParameters().keySet());
        }
        int[] shape = weight.value().shape().dims();
        return Optional.of(new ConvFilters(layer, shape[0], shape[1], shape[2], shape[3],
                weight.value().toFloatArray()));
    }

    /** Returns the largest absolute weight of one filter over all its channels, or 0 for an all-zero filter. */
    public double largestMagnitude(int filter) {
        int size = channels * height * width;
        double largest = 0;
        for (int i = filter * size; i < (filter + 1) * size; i++) {
            largest = Math.max(largest, Math.abs(weights[i]));
        }
        return largest;
    }
}
