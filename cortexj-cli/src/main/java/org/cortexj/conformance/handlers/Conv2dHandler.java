package org.cortexj.conformance.handlers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceFormatException;
import org.cortexj.nn.functional.Convolution;
import org.cortexj.tensor.Tensor;

/**
 * conv2d through {@link Convolution#conv2d(Tensor, Tensor, Tensor, int[], int[], int[])}: output
 * {@code y} and the gradients of x, weight and bias.
 *
 * <p>Attributes, each a number or a {@code [height, width]} pair, with PyTorch's defaults when
 * absent: {@code stride} 1, {@code padding} 0 (or the strings {@code "valid"} and
 * {@code "same"}), {@code dilation} 1, {@code groups} 1, {@code padding_mode "zeros"}. The kernel
 * size comes from the weight shape; a {@code kernel} attribute must agree with it. {@code bias}
 * false, or a case without a bias parameter, convolves without bias. Cases with groups other than
 * 1, another padding mode, or a {@code "same"} padding that would need more cells on one side
 * than the other are not supported and are reported as skipped.
 */
public final class Conv2dHandler implements CaseHandler {

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        Attributes attrs = referenceCase.attrs();
        if (attrs.intValue("groups", 1) != 1) {
            return false;
        }
        if (!attrs.string("padding_mode", "zeros").equals("zeros")) {
            return false;
        }
        if (!attrs.isString("padding")) {
            return true;
        }
        int[] kernel = kernelOf(referenceCase.params().get("weight").shape(), referenceCase);
        return symmetricPadding(attrs, kernel) != null;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Attributes attrs = referenceCase.attrs();
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor weight = referenceCase.params().get("weight").toTensor(precision).setRequiresGrad(true);
        leaves.put("x", x);
        leaves.put("weight", weight);
        Tensor bias = null;
        if (usesBias(referenceCase)) {
            bias = referenceCase.params().get("bias").toTensor(precision).setRequiresGrad(true);
            leaves.put("bias", bias);
        }

        int[] kernel = kernelOf(weight.shape().dims(), referenceCase);
        int[] padding = attrs.isString("padding") ? symmetricPadding(attrs, kernel)
                : attrs.intArray("padding", 2, 0);
        Tensor y = Convolution.conv2d(x, weight, bias, attrs.intArray("stride", 2, 1), padding,
                attrs.intArray("dilation", 2, 1));

        CaseChecker checker = CaseChecker.forCase(referenceCase, precision).output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, leaves, checker);
        return checker.result();
    }

    /**
     * Returns whether the case adds a bias: attribute {@code bias} when given, else whether the
     * parameters contain one.
     *
     * @throws ReferenceFormatException if {@code bias} is true but there is no bias parameter
     */
    private static boolean usesBias(ReferenceCase referenceCase) {
        boolean hasBiasParameter = referenceCase.params().contains("bias");
        boolean requested = referenceCase.attrs().bool("bias", hasBiasParameter);
        if (requested && !hasBiasParameter) {
            throw new ReferenceFormatException("case '" + referenceCase.name() + "': attribute \"bias\" is true "
                    + "but params has no \"bias\"; present: " + referenceCase.params().names());
        }
        return requested;
    }

    /**
     * Returns {@code [kernelHeight, kernelWidth]} from a weight shape
     * {@code [outChannels, inChannels, kernelHeight, kernelWidth]}.
     *
     * @throws ReferenceFormatException if the weight is not of rank 4 or a {@code kernel}
     *     attribute disagrees with it
     */
    private static int[] kernelOf(int[] weightShape, ReferenceCase referenceCase) {
        if (weightShape.length != 4) {
            throw new ReferenceFormatException("case '" + referenceCase.name() + "': conv2d weight must have "
                    + "shape [outChannels, inChannels, kernelHeight, kernelWidth], got "
                    + Arrays.toString(weightShape));
        }
        int[] kernel = {weightShape[2], weightShape[3]};
        Attributes attrs = referenceCase.attrs();
        if (attrs.has("kernel") && !Arrays.equals(attrs.intArray("kernel", 2), kernel)) {
            throw new ReferenceFormatException("case '" + referenceCase.name() + "': attribute \"kernel\" "
                    + Arrays.toString(attrs.intArray("kernel", 2)) + " differs from the weight's kernel size "
                    + Arrays.toString(kernel) + " (weight shape " + Arrays.toString(weightShape) + ")");
        }
        return kernel;
    }

    /**
     * Translates a string padding into cells per side: {@code "valid"} is 0, and {@code "same"}
     * is {@code dilation·(kernel − 1) / 2} when that total is even and the stride is 1. Returns
     * null for anything else, which the library cannot express with equal padding on both sides.
     */
    private static int[] symmetricPadding(Attributes attrs, int[] kernel) {
        String padding = attrs.string("padding");
        if (padding.equals("valid")) {
            return new int[] {0, 0};
        }
        if (!padding.equals("same")) {
            return null;
        }
        int[] stride = attrs.intArray("stride", 2, 1);
        int[] dilation = attrs.intArray("dilation", 2, 1);
        int[] cells = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            int total = dilation[axis] * (kernel[axis] - 1);
            if (stride[axis] != 1 || total % 2 != 0) {
                return null;
            }
            cells[axis] = total / 2;
        }
        return cells;
    }
}
