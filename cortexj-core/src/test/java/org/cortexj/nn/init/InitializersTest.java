package org.cortexj.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample statistics of each initializer on tensors of 50,000 or more values. The standard error
 * of the sample standard deviation is about σ/√(2n) < 0.4 % of σ, so the 2 % tolerance is
 * more than 5 standard errors. The mean must lie within 5 standard errors σ/√n.
 */
class InitializersTest {

    private static final int[] LINEAR = {256, 512};
    private static final int[] CONV = {64, 32, 5, 5};
    private static final double STD_TOLERANCE = 0.02;

    /** Initializer, shape, expected mean, expected std, uniform bound (0 for normal draws). */
    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of("LeCun normal", Initializers.lecunNormal(), LINEAR, 0.0, 1 / Math.sqrt(512), 0.0),
                Arguments.of("He normal fan_in", Initializers.kaimingNormal(FanMode.FAN_IN), CONV, 0.0,
                        Math.sqrt(2.0 / 800), 0.0),
                Arguments.of("He normal fan_out", Initializers.kaimingNormal(FanMode.FAN_OUT), CONV, 0.0,
                        Math.sqrt(2.0 / 1600), 0.0),
                Arguments.of("He uniform fan_in", Initializers.kaimingUniform(FanMode.FAN_IN), LINEAR, 0.0,
                        Math.sqrt(2.0 / 512), Math.sqrt(6.0 / 512)),
                Arguments.of("He uniform fan_out", Initializers.kaimingUniform(FanMode.FAN_OUT), CONV, 0.0,
                        Math.sqrt(2.0 / 1600), Math.sqrt(6.0 / 1600)),
                Arguments.of("Xavier normal", Initializers.xavierNormal(), LINEAR, 0.0, Math.sqrt(2.0 / 768), 0.0),
                Arguments.of("Xavier uniform", Initializers.xavierUniform(), CONV, 0.0, 0.05 / Math.sqrt(3), 0.05),
                Arguments.of("uniform(-0.3, 0.7)", Initializers.uniform(-0.3, 0.7), LINEAR, 0.2,
                        1 / Math.sqrt(12), 0.0),
                Arguments.of("normal(1.5, 0.2)", Initializers.normal(1.5, 0.2), CONV, 1.5, 0.2, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void sampleStatisticsMatchScheme(String label, Initializer initializer, int[] shape, double mean, double std,
                                     double bound) {
        Tensor weights = initializer.create(new Generator(1234), DataType.FLOAT64, shape);
        assertArrayEquals(shape, weights.shape().dims(), label + ": shape");
        double[] values = weights.toDoubleArray();

        double sampleMean = Arrays.stream(values).average().orElseThrow();
        double sumOfSquares = Arrays.stream(values).map(v -> (v - sampleMean) * (v - sampleMean)).sum();
        double sampleStd = Math.sqrt(sumOfSquares / (values.length - 1));

        assertEquals(mean, sampleMean, 5 * std / Math.sqrt(values.length), label + ": mean");
        assertEquals(std, sampleStd, STD_TOLERANCE * std, label + ": standard deviation");
        if (bound > 0) {
            double max = Arrays.stream(values).max().orElseThrow();
            double min = Arrays.stream(values).min().orElseThrow();
            assertTrue(max < bound, label + ": maximum " + max + " is not below the bound " + bound);
            assertTrue(min >= -bound, label + ": minimum " + min + " is below −" + bound);
            assertTrue(max > 0.99 * bound, label + ": maximum " + max + " does not approach the bound " + bound);
            assertTrue(min < -0.99 * bound, label + ": minimum " + min + " does not approach −" + bound);
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        Initializer initializer = Initializers.kaimingUniform(FanMode.FAN_IN);

        float[] first = initializer.create(new Generator(7), DataType.FLOAT32, CONV).toFloatArray();
        float[] second = initializer.create(new Generator(7), DataType.FLOAT32, CONV).toFloatArray();
        float[] otherSeed = initializer.create(new Generator(8), DataType.FLOAT32, CONV).toFloatArray();

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, otherSeed), "another seed gives other weights");
    }

    @Test
    void createKeepsDataType() {
        Tensor weights = Initializers.lecunNormal().create(new Generator(3), DataType.FLOAT32, 20, 1, 5, 5);
        assertEquals(DataType.FLOAT32, weights.dataType());
    }

    @Test
    void fillOverwritesParameterInPlace() {
        Parameter weight = new Parameter("weight", Tensor.zeros(DataType.FLOAT64, 10, 4));
        Tensor before = weight.value();

        Initializers.xavierNormal().fill(weight.value(), new Generator(5));

        double[] expected = Initializers.xavierNormal().create(new Generator(5), DataType.FLOAT64, 10, 4)
                .toDoubleArray();
        assertArrayEquals(expected, weight.value().toDoubleArray());
        assertTrue(before == weight.value(), "the parameter keeps its tensor");
        assertTrue(weight.value().requiresGrad());
    }

    @Test
    void constantAndZerosFillEveryElement() {
        Tensor ones = Initializers.constant(1.5).create(new Generator(1), DataType.FLOAT64, 3, 2);
        Tensor zeros = Initializers.zeros().create(new Generator(1), DataType.FLOAT32, 4);

        assertArrayEquals(new double[] {1.5, 1.5, 1.5, 1.5, 1.5, 1.5}, ones.toDoubleArray());
        assertArrayEquals(new float[4], zeros.toFloatArray());
    }

    @Test
    void zeroFanRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Initializers.lecunNormal().create(new Generator(1), DataType.FLOAT64, 3, 0));
        assertEquals("LecunNormal: fan_in is 0 for shape [3, 0]; the scale would be infinite", error.getMessage());
    }

    @Test
    void biasShapeRejectedByFanRules() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Initializers.kaimingNormal(FanMode.FAN_IN).create(new Generator(1), DataType.FLOAT64, 10));
        assertTrue(error.getMessage().startsWith("Fan: shape [10] has 1 axes"), error.getMessage());
    }

    @Test
    void invalidSettingsRejected() {
        assertEquals("KaimingNormal: gain must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new KaimingNormal(FanMode.FAN_IN, -1))
                        .getMessage());
        assertEquals("XavierUniform: gain must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new XavierUniform(Double.NaN)).getMessage());
        assertEquals("UniformInitializer: need finite low < high, got low 1.0, high 1.0",
                assertThrows(IllegalArgumentException.class, () -> Initializers.uniform(1, 1)).getMessage());
        assertEquals("NormalInitializer: std must be finite and >= 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> Initializers.normal(0, -0.5)).getMessage());
    }
}
