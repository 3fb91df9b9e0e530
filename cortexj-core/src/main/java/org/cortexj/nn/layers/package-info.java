/**
 * Neural-network layers as {@link org.cortexj.nn.Module}s, named as in PyTorch and following its
 * conventions: {@link org.cortexj.nn.layers.Linear}, {@link org.cortexj.nn.layers.Conv2d},
 * {@link org.cortexj.nn.layers.MaxPool2d}, {@link org.cortexj.nn.layers.AvgPool2d},
 * {@link org.cortexj.nn.layers.Flatten}, the dropouts ({@link org.cortexj.nn.layers.Dropout},
 * {@link org.cortexj.nn.layers.GaussianDropout}, {@link org.cortexj.nn.layers.AlphaDropout}),
 * batch normalization ({@link org.cortexj.nn.layers.BatchNorm1d},
 * {@link org.cortexj.nn.layers.BatchNorm2d}), {@link org.cortexj.nn.layers.PReLU} and
 * {@link org.cortexj.nn.layers.LocalResponseNorm}.
 *
 * <p>Constructors take explicit initial tensors, so the code that builds a network chooses the
 * initialization; convenience constructors apply PyTorch's defaults. Every setting is checked
 * in the constructor. Layers with randomness draw from a {@link org.cortexj.tensor.Generator}
 * given to them, so a seed reproduces a run. Dropout probabilities are drop probabilities, the
 * PyTorch convention. Layers compute through tensor operations and
 * {@link org.cortexj.nn.functional}, never through CPU arrays, so they run on any backend.
 */
package org.cortexj.nn.layers;
