package org.cortexj.nn.layers;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cortexj.backend.DataType;
import org.cortexj.nn.Sequential;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Flatten, the pooling layers and Conv2d with their default settings, alone and in a network. */
class ShapeLayersTest {

    @Test
    void flattenKeepsBatchAxis() {
        Tensor x = randomNormal(1, 2, 3, 4, 5);

        Tensor y = new Flatten().forward(x);

        assertArrayEquals(new int[] {2, 60}, y.shape().dims());
        assertArrayEquals(x.toDoubleArray(), y.toDoubleArray(), 0);
    }

    @Test
    void flattenRejectsVector() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Flatten().forward(Tensor.zeros(DataType.FLOAT64, 4)));

        assertEquals("Flatten: input must have a batch axis and at least one more axis, got shape [4]; add a "
                + "batch axis with unsqueeze(0)", error.getMessage());
    }

    @Test
    void poolingLayersDefaultStrideIsKernel() {
        Tensor x = randomNormal(2, 1, 2, 6, 9);

        assertArrayEquals(new int[] {1, 2, 3, 4}, new MaxPool2d(2).forward(x).shape().dims());
        assertArrayEquals(new int[] {1, 2, 2, 3}, new AvgPool2d(3).forward(x).shape().dims());
    }

    @Test
    void maxPoolLayerReturnsIndices() {
        Tensor x = Tensor.of(new double[] {1, 9, 3, 4, 5, 6, 7, 8, 2}, 1, 1, 3, 3);

        var result = new MaxPool2d(2, 1, 0).forwardWithIndices(x);

        assertArrayEquals(new double[] {9, 9, 8, 8}, result.values().toDoubleArray(), 0);
        assertArrayEquals(new int[] {1, 1, 7, 7}, result.indices().toIntArray());
    }

    @Test
    void seedNetworkShapesChainThroughLayers() {
        Generator generator = new Generator(3);
        Sequential network = new Sequential(
                new Conv2d(1, 20, 5, 1, 0, DataType.FLOAT32, generator),
                new MaxPool2d(2),
                new Conv2d(20, 50, 5, 1, 0, DataType.FLOAT32, generator),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(800, 10, true, DataType.FLOAT32, generator));
        Tensor images = Tensor.uniform(generator, 0, 1, DataType.FLOAT32, 2, 1, 28, 28);

        Tensor logits = network.forward(images);
        logits.sum().backward();

        assertArrayEquals(new int[] {2, 10}, logits.shape().dims());
        assertEquals(20 * 25 + 20 + 50 * 20 * 25 + 50 + 800 * 10 + 10, network.parameterCount());
        network.parameters().forEach(parameter -> assertArrayEquals(parameter.value().shape().dims(),
                parameter.grad().shape().dims(), parameter.name()));
    }
}
