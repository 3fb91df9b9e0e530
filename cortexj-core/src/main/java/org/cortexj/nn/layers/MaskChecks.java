package org.cortexj.nn.layers;

import org.cortexj.tensor.Tensor;

/** Checks of the explicit masks that the dropout layers accept. */
final class MaskChecks {

    private MaskChecks() {
    }

    /** Returns the mask in x's data type after checking that it has x's shape. */
    static Tensor mask(String layer, Tensor x, Tensor mask) {
        if (!x.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(layer + ": x must be float32 or float64, got " + x.dataType());
        }
        if (mask == null || !mask.shape().equals(x.shape())) {
            throw new IllegalArgumentException(layer + ": mask must have the shape of x " + x.shape() + ", got "
                    + (mask == null ? "null" : mask.shape().toString()));
        }
        return mask.toType(x.dataType()).detach();
    }
}
