package org.cortexj.nn.functional;

import static org.cortexj.nn.functional.RandomTensors.randomNormal;

import java.util.List;
import org.cortexj.autograd.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finite-difference checks of the conv2d gradients for x, weight and bias. */
class ConvolutionGradientTest {

    @ParameterizedTest(name = "stride {0}x{1} padding {2}x{3} dilation {4}x{5}")
    @CsvSource({
        "1, 1, 0, 0, 1, 1",
        "2, 2, 1, 1, 1, 1",
        "1, 2, 2, 0, 1, 1",
        "1, 1, 1, 1, 2, 2",
        "2, 1, 0, 1, 2, 3"
    })
    void conv2dGradientsMatchFiniteDifferences(int sh, int sw, int ph, int pw, int dh, int dw) {
        int[] stride = {sh, sw};
        int[] padding = {ph, pw};
        int[] dilation = {dh, dw};
        GradientCheck.assertClose("conv2d stride " + sh + "x" + sw + " padding " + ph + "x" + pw
                + " dilation " + dh + "x" + dw,
                inputs -> Convolution.conv2d(inputs.get(0), inputs.get(1), inputs.get(2), stride, padding,
                        dilation),
                List.of(randomNormal(1, 2, 2, 7, 8), randomNormal(2, 3, 2, 3, 2), randomNormal(3, 3)));
    }

    @Test
    void conv2dWithoutBiasMatchesFiniteDifferences() {
        GradientCheck.assertClose("conv2d without bias",
                inputs -> Convolution.conv2d(inputs.get(0), inputs.get(1), null, 2, 1, 1),
                List.of(randomNormal(4, 1, 3, 5, 6), randomNormal(5, 2, 3, 3, 3)));
    }
}
