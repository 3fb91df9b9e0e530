package org.cortexj.nn.functional;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks of the pooling gradients, by {@link GradientCheck}. Random normal
 * inputs have no ties, and with these seeds no two values of a window lie within the
 * finite-difference step, so the winners of max pooling do not change under the perturbation.
 */
class PoolingGradientTest {

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} dilation {3} ceil {4}")
    @CsvSource({
        "2, 2, 0, 1, false",
        "3, 2, 1, 1, false",
        "3, 2, 1, 1, true",
        "3, 1, 1, 2, false"
    })
    void maxPoolGradientMatchesFiniteDifferences(int k, int s, int p, int d, boolean ceil) {
        GradientCheck.assertClose("maxpool2d kernel " + k + " stride " + s + " padding " + p,
                inputs -> Pooling.maxPool2d(inputs.get(0), new int[] {k}, new int[] {s}, new int[] {p},
                        new int[] {d}, ceil),
                List.of(randomNormal(1, 2, 2, 7, 6)));
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} ceil {3} countIncludePad {4}")
    @CsvSource({
        "2, 2, 0, false, true",
        "3, 2, 1, false, true",
        "3, 2, 1, false, false",
        "3, 2, 1, true, false",
        "2, 1, 1, true, true"
    })
    void avgPoolGradientMatchesFiniteDifferences(int k, int s, int p, boolean ceil, boolean countIncludePad) {
        GradientCheck.assertClose("avgpool2d kernel " + k + " stride " + s + " padding " + p,
                inputs -> Pooling.avgPool2d(inputs.get(0), new int[] {k}, new int[] {s}, new int[] {p}, ceil,
                        countIncludePad),
                List.of(randomNormal(2, 2, 2, 7, 6)));
    }
}
