package org.cortexj.optim;

import org.cortexj.tensor.Tensor;

/**
 * {@link AdaDelta} state of one parameter. The tensors are the optimizer's own and change in
 * place at each step, so copy them to keep a snapshot.
 *
 * @param squareAverage running average E[g²] of the squared gradient
 * @param deltaAverage running average E[Δx²] of the squared update
 */
public record AdaDeltaState(Tensor squareAverage, Tensor deltaAverage) {
}
