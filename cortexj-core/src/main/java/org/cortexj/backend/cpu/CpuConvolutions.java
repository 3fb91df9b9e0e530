package org.cortexj.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.DataType;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.cpu.conv.AvgPool2dKernel;
import org.cortexj.backend.cpu.conv.Col2im;
import org.cortexj.backend.cpu.conv.ConvOutputs;
import org.cortexj.backend.cpu.conv.Im2col;
import org.cortexj.backend.cpu.conv.MaxPool2dKernel;

/**
 * Convolution and pooling kernels of the CPU backend: checks the element types of the buffers
 * and calls the array kernels of {@link org.cortexj.backend.cpu.conv} for float32 or float64.
 *
 * <p>Unfolding, folding and pooling split the work by (image, channel) plane across a fork-join
 * pool once the input has at least {@link #PARALLEL_THRESHOLD} elements. Every plane is computed
 * by one task in a fixed order, so results are bit-identical for any worker count. The reorders
 * between the GEMM layout and NCHW are block copies and run on the calling thread.
 */
final class CpuConvolutions {

    /** Input size, in elements, from which kernels run on the pool. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private final ForkJoinPool pool;

    CpuConvolutions(int workers) {
        // Fork-join workers are daemon threads that start on first use.
        this.pool = workers > 1 ? new ForkJoinPool(workers) : null;
    }

    void im2col(Buffer x, ConvGeometry geometry, Buffer col) {
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("im2col", x, col)) {
            float[] input = floats(x);
            float[] output = floats(col);
            if (parallel) {
                Im2col.im2col(input, geometry, output, pool);
            } else {
                Im2col.im2col(input, geometry, output);
            }
            return;
        }
        double[] input = doubles(x);
        double[] output = doubles(col);
        if (parallel) {
            Im2col.im2col(input, geometry, output, pool);
        } else {
            Im2col.im2col(input, geometry, output);
        }
    }

    void col2im(Buffer col, ConvGeometry geometry, Buffer dx) {
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("col2im", col, dx)) {
            float[] input = floats(col);
            float[] output = floats(dx);
            if (parallel) {
                Col2im.col2im(input, geometry, output, pool);
            } else {
                Col2im.col2im(input, geometry, output);
            }
            return;
        }
        double[] input = doubles(col);
        double[] output = doubles(dx);
        if (parallel) {
            Col2im.col2im(input, geometry, output, pool);
        } else {
            Col2im.col2im(input, geometry, output);
        }
    }

    void rowsToNchw(Buffer rows, Buffer bias, ConvGeometry geometry, int outChannels, Buffer y) {
        boolean isFloat = bias == null ? isFloat("convRowsToNchw", rows, y)
                : isFloat("convRowsToNchw", rows, bias, y);
        if (isFloat) {
            ConvOutputs.rowsToNchw(floats(rows), bias == null ? null : floats(bias), geometry,
                    outChannels, floats(y));
        } else {
            ConvOutputs.rowsToNchw(doubles(rows), bias == null ? null : doubles(bias), geometry,
                    outChannels, doubles(y));
        }
    }

    void nchwToRows(Buffer dy, ConvGeometry geometry, int outChannels, Buffer rows) {
        if (isFloat("nchwToConvRows", dy, rows)) {
            ConvOutputs.nchwToRows(floats(dy), geometry, outChannels, floats(rows));
        } else {
            ConvOutputs.nchwToRows(doubles(dy), geometry, outChannels, doubles(rows));
        }
    }

    void biasGradient(Buffer dy, ConvGeometry geometry, int outChannels, Buffer dBias) {
        if (isFloat("convBiasGradient", dy, dBias)) {
            ConvOutputs.biasGradient(floats(dy), geometry, outChannels, floats(dBias));
        } else {
            ConvOutputs.biasGradient(doubles(dy), geometry, outChannels, doubles(dBias));
        }
    }

    void maxPool2d(Buffer x, PoolGeometry geometry, Buffer y, Buffer indices) {
        int[] winners = ints("maxPool2d", indices);
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("maxPool2d", x, y)) {
            if (parallel) {
                MaxPool2dKernel.forward(floats(x), geometry, floats(y), winners, pool);
            } else {
                MaxPool2dKernel.forward(floats(x), geometry, floats(y), winners);
            }
            return;
        }
        if (parallel) {
            MaxPool2dKernel.forward(doubles(x), geometry, doubles(y), winners, pool);
        } else {
            MaxPool2dKernel.forward(doubles(x), geometry, doubles(y), winners);
        }
    }

    void maxPool2dBackward(Buffer dy, Buffer indices, PoolGeometry geometry, Buffer dx) {
        int[] winners = ints("maxPool2dBackward", indices);
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("maxPool2dBackward", dy, dx)) {
            if (parallel) {
                MaxPool2dKernel.backward(floats(dy), winners, geometry, floats(dx), pool);
            } else {
                MaxPool2dKernel.backward(floats(dy), winners, geometry, floats(dx));
            }
            return;
        }
        if (parallel) {
            MaxPool2dKernel.backward(doubles(dy), winners, geometry, doubles(dx), pool);
        } else {
            MaxPool2dKernel.backward(doubles(dy), winners, geometry, doubles(dx));
        }
    }

    void avgPool2d(Buffer x, PoolGeometry geometry, boolean countIncludePad, Buffer y) {
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("avgPool2d", x, y)) {
            if (parallel) {
                AvgPool2dKernel.forward(floats(x), geometry, countIncludePad, floats(y), pool);
            } else {
                AvgPool2dKernel.forward(floats(x), geometry, countIncludePad, floats(y));
            }
            return;
        }
        if (parallel) {
            AvgPool2dKernel.forward(doubles(x), geometry, countIncludePad, doubles(y), pool);
        } else {
            AvgPool2dKernel.forward(doubles(x), geometry, countIncludePad, doubles(y));
        }
    }

    void avgPool2dBackward(Buffer dy, PoolGeometry geometry, boolean countIncludePad, Buffer dx) {
        boolean parallel = isParallel(geometry.inputSize());
        if (isFloat("avgPool2dBackward", dy, dx)) {
            if (parallel) {
                AvgPool2dKernel.backward(floats(dy), geometry, countIncludePad, floats(dx), pool);
            } else {
                AvgPool2dKernel.backward(floats(dy), geometry, countIncludePad, floats(dx));
            }
            return;
        }
        if (parallel) {
            AvgPool2dKernel.backward(doubles(dy), geometry, countIncludePad, doubles(dx), pool);
        } else {
            AvgPool2dKernel.backward(doubles(dy), geometry, countIncludePad, doubles(dx));
        }
    }

    private boolean isParallel(int inputSize) {
        return pool != null && inputSize >= PARALLEL_THRESHOLD;
    }

    /**
     * Returns whether the buffers are float32, after checking that they all have the same
     * floating-point type.
     */
    private static boolean isFloat(String op, Buffer... buffers) {
        DataType first = buffers[0].dataType();
        for (Buffer buffer : buffers) {
            DataType type = buffer.dataType();
            if (!type.isFloatingPoint() || type != first) {
                throw new IllegalArgumentException("cpu backend " + op + ": buffers must all be float32 "
                        + "or all float64, got " + describe(buffers) + "; convert the tensors to one type");
            }
        }
        return first == DataType.FLOAT32;
    }

    private static String describe(Buffer[] buffers) {
        StringBuilder text = new StringBuilder();
        for (Buffer buffer : buffers) {
            text.append(text.length() == 0 ? "" : ", ").append(buffer.dataType());
        }
        return text.toString();
    }

    private static float[] floats(Buffer buffer) {
        return CpuBuffer.cast(buffer).floats();
    }

    private static double[] doubles(Buffer buffer) {
        return CpuBuffer.cast(buffer).doubles();
    }

    private static int[] ints(String op, Buffer buffer) {
        if (buffer.dataType() != DataType.INT32) {
            throw new IllegalArgumentException("cpu backend " + op + ": indices must be an int32 buffer, got "
                    + buffer.dataType());
        }
        return CpuBuffer.cast(buffer).ints();
    }
}
