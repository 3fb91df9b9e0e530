package org.cortexj.conformance.handlers;

import java.util.Map;
import org.cortexj.conformance.Attributes;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.nn.functional.Pooling;
import org.cortexj.tensor.Tensor;

/**
 * maxpool2d and avgpool2d through {@link Pooling}: output {@code y}, the gradient of x, and for
 * max pooling the {@code indices} output (flat index {@code h * W + w} of each winner inside its
 * (image, channel) plane).
 *
 * <p>Attributes, each a number or a {@code [height, width]} pair: {@code kernel} (required),
 * {@code stride} (default: the kernel size, as in PyTorch), {@code padding} (default 0),
 * {@code dilation} (max pooling only, default 1), {@code ceil_mode} (default false) and, for
 * average pooling, {@code count_include_pad} (default true). Average pooling with a dilation
 * other than 1 or with a {@code divisor_override} is not supported and is reported as skipped.
 */
public final class PoolingHandler implements CaseHandler {

    /** Op names as the reference files spell them. */
    public static final String[] OPS = {"maxpool2d", "avgpool2d"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        if (referenceCase.op().equals("maxpool2d")) {
            return true;
        }
        Attributes attrs = referenceCase.attrs();
        boolean dense = !attrs.has("dilation") || isAllOnes(attrs.intArray("dilation", 2));
        return dense && !attrs.has("divisor_override");
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Attributes attrs = referenceCase.attrs();
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        int[] kernel = attrs.intArray("kernel", 2);
        int[] stride = attrs.has("stride") ? attrs.intArray("stride", 2) : kernel;
        int[] padding = attrs.intArray("padding", 2, 0);
        boolean ceilMode = attrs.bool("ceil_mode", false);
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);

        Tensor y;
        if (referenceCase.op().equals("maxpool2d")) {
            int[] dilation = attrs.intArray("dilation", 2, 1);
            Pooling.MaxPoolResult result = Pooling.maxPool2dWithIndices(x, kernel, stride, padding, dilation,
                    ceilMode);
            y = result.values();
            checker.output("indices", result.indices());
        } else {
            boolean countIncludePad = attrs.bool("count_include_pad", true);
            y = Pooling.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad);
        }

        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
        return checker.result();
    }

    private static boolean isAllOnes(int[] values) {
        for (int value : values) {
            if (value != 1) {
                return false;
            }
        }
        return true;
    }
}
