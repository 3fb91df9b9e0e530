package org.cortexj.optim;

import org.cortexj.tensor.Tensor;

/**
 * {@link SGD} state of one parameter.
 *
 * @param buffer momentum buffer (velocity), with the parameter's shape. It is the optimizer's
 *     own tensor, updated in place at each step, so copy it to keep a snapshot
 */
public record MomentumState(Tensor buffer) {
}
