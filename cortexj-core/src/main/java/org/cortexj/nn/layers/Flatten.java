package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Tensor;

/**
 * Merges every axis after the first (batch) axis into one, in row-major order: input
 * {@code [N, d1, d2, ...]} gives {@code [N, d1·d2·...]}, so {@code [N, C, H, W]} becomes
 * {@code [N, C·H·W]} in (C, H, W) order. A rank-2 input is returned unchanged in shape. The
 * result is a view when the layout allows one, otherwise a copy. The layer has no parameters.
 */
public final class Flatten extends Module {

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("Flatten: input must have a batch axis and at least one more "
                    + "axis, got shape " + input.shape() + "; add a batch axis with unsqueeze(0)");
        }
        return input.flatten(1, input.rank() - 1);
    }
}
