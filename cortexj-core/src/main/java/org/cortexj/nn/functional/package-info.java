/**
 * Stateless functions for neural networks: elementwise activations and softmax, each written
 * once as a tensor expression whose gradient autograd derives and whose evaluation is fused.
 * The modules in {@link org.cortexj.nn.activations} wrap these functions as layers.
 *
 * <p>{@link org.cortexj.nn.functional.Convolution} and {@link org.cortexj.nn.functional.Pooling}
 * compute 2-D convolution and pooling through the kernels of {@link org.cortexj.backend.Backend}
 * and record their own gradient rules. {@link org.cortexj.nn.functional.Normalization} writes
 * batch normalization and local response normalization as tensor expressions. The layers in
 * {@link org.cortexj.nn.layers} wrap these functions.
 */
package org.cortexj.nn.functional;
