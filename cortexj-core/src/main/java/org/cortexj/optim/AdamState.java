package org.cortexj.optim;

import org.cortexj.tensor.Tensor;

/**
 * {@link Adam} and {@link AdamW} state of one parameter. The tensors are the optimizer's own
 * and change in place at each step, so copy them to keep a snapshot.
 *
 * @param step number of updates applied to this parameter, t in the bias corrections
 * @param firstMoment exponential moving average m of the gradient
 * @param secondMoment exponential moving average v of the squared gradient
 * @param maxSecondMoment running elementwise maximum of v with AMSGrad, otherwise null
 */
public record AdamState(long step, Tensor firstMoment, Tensor secondMoment, Tensor maxSecondMoment) {

    /** Zero state for a parameter before its first update. */
    static AdamState initial(Tensor parameter, boolean amsgrad) {
        Tensor max = amsgrad ? parameter.zerosLike() : null;
        return new AdamState(0, parameter.zerosLike(), parameter.zerosLike(), max);
    }

    /** The same tensors with the step count advanced by one. */
    AdamState next() {
        return new AdamState(step + 1, firstMoment, secondMoment, maxSecondMoment);
    }
}
