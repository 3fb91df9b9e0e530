package org.cortexj.peers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;

/** Builds the seed network as a DJL block and loads cortexj's starting weights into it. */
final class DjlSeedNetwork {

    private DjlSeedNetwork() {
    }

    /** Returns the layers in cortexj's order: pooling comes before each SELU. */
    static SequentialBlock block() {
        SequentialBlock block = new SequentialBlock();
        block.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build());
        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        block.add(Activation.seluBlock());
        block.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(50).build());
        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        block.add(Activation.seluBlock());
        block.add(Blocks.batchFlattenBlock());
        block.add(Linear.builder().setUnits(1000).build());
        // DJL's rate is the probability of dropping a value, as in cortexj and PyTorch.
        block.add(Dropout.builder().optRate(0.6f).build());
        block.add(Linear.builder().setUnits(10).build());
        return block;
    }

    /**
     * Overwrites the initialized parameters of {@code block} with {@code weights}, matched by
     * position. DJL and cortexj both order parameters layer by layer, weight before bias, and
     * store convolution weights as [out, in, height, width] and linear weights as [out, in].
     *
     * @throws IllegalStateException if the counts or any pair of shapes differ
     */
    static void load(SequentialBlock block, List<SeedWeights.Weight> weights) {
        ParameterList parameters = block.getParameters();
        if (parameters.size() != weights.size()) {
            throw new IllegalStateException("DJL seed network has " + parameters.size() + " parameters but cortexj has "
                    + weights.size() + "; the two layer lists no longer match");
        }
        for (int i = 0; i < weights.size(); i++) {
            Parameter parameter = parameters.get(i).getValue();
            SeedWeights.Weight weight = weights.get(i);
            long[] djlShape = parameter.getArray().getShape().getShape();
            long[] cortexjShape = Arrays.stream(weight.shape()).asLongStream().toArray();
            if (!Arrays.equals(djlShape, cortexjShape)) {
                throw new IllegalStateException("parameter " + i + ": DJL " + parameters.get(i).getKey() + " has shape "
                        + Arrays.toString(djlShape) + " but cortexj " + weight.name() + " has "
                        + Arrays.toString(cortexjShape));
            }
            parameter.getArray().set(weight.values());
        }
    }
}
