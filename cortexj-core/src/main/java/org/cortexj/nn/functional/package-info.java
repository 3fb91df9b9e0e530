/**
 * Stateless functions for neural networks: elementwise activations and softmax, each written
 * once as a tensor expression whose gradient autograd derives and whose evaluation is fused.
 * The modules in {@link org.cortexj.nn.activations} wrap these functions as layers.
 */
package org.cortexj.nn.functional;
