package org.cortexj.backend.cpu.reduce;

import jdk.incubator.vector.VectorShape;

/**
 * Creates the Vector API kernels. {@link KernelProvider} reaches the Vector API only through
 * this class, and only after checking that {@code jdk.incubator.vector} is readable, so the
 * scalar path loads no class that links against that module.
 */
final class VectorKernelFactory {

    private VectorKernelFactory() {
    }

    /** Returns the size in bits of the vectors the hardware and JIT prefer. */
    static int preferredVectorBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }

    static KernelSet create() {
        int floatBits = VectorFloatKernels.SPECIES.vectorBitSize();
        int doubleBits = VectorDoubleKernels.SPECIES.vectorBitSize();
        String description = "Vector API, " + floatBits + "-bit float and " + doubleBits
                + "-bit double vectors";
        return new KernelSet(new VectorFloatKernels(), new VectorDoubleKernels(), description);
    }
}
