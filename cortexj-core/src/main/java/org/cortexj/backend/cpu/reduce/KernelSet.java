package org.cortexj.backend.cpu.reduce;

/**
 * The float and double kernels of one implementation, with a description for logs.
 *
 * @param description the implementation and, for the scalar one, why SIMD is off
 */
record KernelSet(FloatKernels floats, DoubleKernels doubles, String description) {

    /** Returns the scalar kernels, described as {@code "scalar (" + reason + ")"}. */
    static KernelSet scalar(String reason) {
        return new KernelSet(
                new ScalarFloatKernels(), new ScalarDoubleKernels(), "scalar (" + reason + ")");
    }
}
