/**
 * CPU kernels for 2-D convolution and pooling on raw {@code float[]} and {@code double[]} arrays
 * in NCHW layout, row-major, with convolution weights {@code [outChannels, inChannels,
 * kernelHeight, kernelWidth]}.
 *
 * <p>{@link org.cortexj.backend.Window2d} contains the kernel size, stride, padding and dilation.
 * {@link org.cortexj.backend.ConvGeometry} and
 * {@link org.cortexj.backend.PoolGeometry} check them against an input shape and derive
 * output sizes. Convolution is left to a GEMM: {@link org.cortexj.backend.cpu.conv.Im2col} builds
 * the column matrix, {@link org.cortexj.backend.cpu.conv.ConvOutputs} reorders the GEMM output
 * and sums the bias gradient, and {@link org.cortexj.backend.cpu.conv.Col2im} folds the column
 * gradient back. {@link org.cortexj.backend.cpu.conv.MaxPool2dKernel} and
 * {@link org.cortexj.backend.cpu.conv.AvgPool2dKernel} pool directly.
 *
 * <p>Kernels run on the calling thread, or split by (image, channel) plane across a
 * {@link java.util.concurrent.ForkJoinPool}, with bit-identical results either way. Groups,
 * transposed convolution and the GEMM itself are not in this package.
 */
package org.cortexj.backend.cpu.conv;
