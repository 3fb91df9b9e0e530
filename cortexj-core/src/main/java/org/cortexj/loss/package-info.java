/**
 * Loss functions and weight penalties. Each {@link org.cortexj.loss.Loss} checks the shapes of
 * prediction and target against its documented contract, never broadcasts one against the
 * other, and reduces per-sample values as its {@link org.cortexj.loss.Reduction} specifies.
 * Gradients come from autograd, not from hand-written rules.
 */
package org.cortexj.loss;
