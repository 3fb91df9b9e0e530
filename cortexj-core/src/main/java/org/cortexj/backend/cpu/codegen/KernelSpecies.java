package org.cortexj.backend.cpu.codegen;

import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.cpu.simd.VectorElementwiseKernels;

/**
 * The species of the interpreted Vector API kernels, held in static final fields that
 * generated code reads, so the JIT treats them as constants. Loading this class needs the
 * {@code jdk.incubator.vector} module.
 */
final class KernelSpecies {

    static final VectorSpecies<Float> FLOATS = VectorElementwiseKernels.floatSpecies();
    static final VectorSpecies<Double> DOUBLES = VectorElementwiseKernels.doubleSpecies();

    private KernelSpecies() {
    }

    /** Number of lanes of the species for {@code type}. */
    static int lanes(LaneType type) {
        return type == LaneType.FLOAT32 ? FLOATS.length() : DOUBLES.length();
    }

}
