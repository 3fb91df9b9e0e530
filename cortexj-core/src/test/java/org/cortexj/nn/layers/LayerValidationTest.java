package org.cortexj.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.cortexj.backend.DataType;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invalid setting is rejected in the constructor with a message naming it, its value and the range. */
class LayerValidationTest {

    private static final DataType F64 = DataType.FLOAT64;

    private static Tensor zeros(int... shape) {
        return Tensor.zeros(F64, shape);
    }

    private static Arguments invalid(String expectedMessage, Executable construction) {
        return Arguments.of(expectedMessage, construction);
    }

    static Stream<Arguments> invalidSettings() {
        Generator generator = new Generator(1);
        return Stream.of(
            invalid("Conv2d: kernel size must be at least 1, got [0]",
                    () -> new Conv2d(1, 2, 0, 1, 0, F64, generator)),
            invalid("Conv2d: outChannels must be at least 1, got 0",
                    () -> new Conv2d(1, 0, 3, 1, 0, F64, generator)),
            invalid("Conv2d: outChannels must be at least 1, got 0 in weight shape [0, 1, 3, 3]",
                    () -> new Conv2d(zeros(0, 1, 3, 3), null, 1, 0, 1)),
            invalid("Conv2d: kernel width must be at least 1, got 0 in weight shape [2, 1, 3, 0]",
                    () -> new Conv2d(zeros(2, 1, 3, 0), null, 1, 0, 1)),
            invalid("Conv2d: stride must be at least 1, got [0]",
                    () -> new Conv2d(zeros(2, 1, 3, 3), null, 0, 0, 1)),
            invalid("Conv2d: padding must be at least 0, got [-1]",
                    () -> new Conv2d(zeros(2, 1, 3, 3), null, 1, -1, 1)),
            invalid("Conv2d: dilation must be at least 1, got [1, 0]",
                    () -> new Conv2d(zeros(2, 1, 3, 3), null, new int[] {1}, new int[] {0}, new int[] {1, 0})),
            invalid("Conv2d: stride must have 1 value or 2 values (height, width), got [1, 1, 1]",
                    () -> new Conv2d(zeros(2, 1, 3, 3), null, new int[] {1, 1, 1}, new int[] {0}, new int[] {1})),
            invalid("Conv2d: bias must have shape [2], got [3]",
                    () -> new Conv2d(zeros(2, 1, 3, 3), zeros(3), 1, 0, 1)),
            invalid("Conv2d: dataType must be float32 or float64, got int32",
                    () -> new Conv2d(1, 2, 3, 1, 0, DataType.INT32, generator)),
            invalid("Linear: inFeatures must be at least 1, got 0",
                    () -> new Linear(0, 3, true, F64, generator)),
            invalid("Linear: weight must have shape [outFeatures, inFeatures], got [3]",
                    () -> new Linear(zeros(3), null)),
            invalid("Linear: bias is float32 but weight is float64; use one data type",
                    () -> new Linear(zeros(2, 3), Tensor.zeros(DataType.FLOAT32, 2))),
            invalid("MaxPool2d: kernel size must be at least 1, got [0]", () -> new MaxPool2d(0)),
            invalid("MaxPool2d: padding must be at most half the kernel size, got padding [2, 2] for kernel "
                    + "size [3, 3]", () -> new MaxPool2d(3, 1, 2)),
            invalid("MaxPool2d: dilation must be at least 1, got [0]",
                    () -> new MaxPool2d(new int[] {2}, new int[] {2}, new int[] {0}, new int[] {0}, false)),
            invalid("AvgPool2d: stride must be at least 1, got [0, 2]",
                    () -> new AvgPool2d(new int[] {2}, new int[] {0, 2}, new int[] {0}, false, true)),
            invalid("Dropout: p, the probability that an element is dropped, must be in [0, 1), got 1.0",
                    () -> new Dropout(1.0, generator)),
            invalid("Dropout: p, the probability that an element is dropped, must be in [0, 1), got -0.1",
                    () -> new Dropout(-0.1, generator)),
            invalid("Dropout: p, the probability that an element is dropped, must be in [0, 1), got NaN",
                    () -> Dropout.apply(zeros(2), zeros(2), Double.NaN)),
            invalid("Dropout: mask must have the shape of x [2], got [3]",
                    () -> Dropout.apply(zeros(2), zeros(3), 0.5)),
            invalid("AlphaDropout: p, the probability that an element is dropped, must be in [0, 1), got 1.5",
                    () -> new AlphaDropout(1.5, generator)),
            invalid("GaussianDropout: p, the probability that an element is dropped, must be in [0, 1), got 1.0",
                    () -> new GaussianDropout(1.0, generator)),
            invalid("BatchNorm2d: channels must be at least 1, got 0", () -> new BatchNorm2d(0, F64)),
            invalid("BatchNorm1d: eps must be finite and greater than 0, got 0.0",
                    () -> new BatchNorm1d(null, null, zeros(2), zeros(2), 0, 0.1)),
            invalid("BatchNorm1d: momentum must be in [0, 1], got 1.5",
                    () -> new BatchNorm1d(null, null, zeros(2), zeros(2), 1e-5, 1.5)),
            invalid("BatchNorm1d: weight must have shape [2], got [3]",
                    () -> new BatchNorm1d(zeros(3), null, zeros(2), zeros(2), 1e-5, 0.1)),
            invalid("BatchNorm1d: runningVar must have shape [2], got [2, 1]",
                    () -> new BatchNorm1d(null, null, zeros(2), zeros(2, 1), 1e-5, 0.1)),
            invalid("PReLU: numParameters must be at least 1, got 0", () -> new PReLU(0, F64)),
            invalid("localResponseNorm: size must be at least 1, got 0", () -> new LocalResponseNorm(0)),
            invalid("localResponseNorm: alpha must be finite and at least 0, got -1.0",
                    () -> new LocalResponseNorm(3, -1, 0.75, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void constructorRejectsInvalidSetting(String expectedMessage, Executable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);

        assertEquals(expectedMessage, error.getMessage());
    }

    @Test
    void constructorRejectsMissingGenerator() {
        NullPointerException error = assertThrows(NullPointerException.class,
                () -> new Linear(2, 3, true, F64, null));

        assertEquals("Linear: generator must not be null; pass new Generator(seed)", error.getMessage());
    }
}
