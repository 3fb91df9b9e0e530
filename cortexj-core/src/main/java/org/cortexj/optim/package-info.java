/**
 * Gradient-descent optimizers that update {@link org.cortexj.nn.Parameter}s in place:
 * {@link org.cortexj.optim.SGD}, {@link org.cortexj.optim.Adam}, {@link org.cortexj.optim.AdamW}
 * and {@link org.cortexj.optim.AdaDelta}.
 *
 * <p>Each optimizer is built once with checked hyperparameters, keeps typed per-parameter state
 * (records such as {@link org.cortexj.optim.AdamState}), and exports that state as an
 * {@link org.cortexj.optim.OptimizerState} of named tensors and scalars for saving and
 * restoring. The update rules follow PyTorch 1.13, including its state names.
 */
package org.cortexj.optim;
