package org.cortexj.nn.layers;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * PyTorch's default initialization of Linear and Conv2d: weight and bias drawn uniformly from
 * {@code [−1/sqrt(fanIn), 1/sqrt(fanIn))}, where fanIn is the number of inputs of one output
 * (in features, or in channels × kernel height × kernel width).
 */
final class DefaultInit {

    private DefaultInit() {
    }

    static Tensor uniform(Generator generator, int fanIn, DataType dataType, int... shape) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return Tensor.uniform(generator, -bound, bound, dataType, shape);
    }
}
