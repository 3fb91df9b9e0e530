package org.cortexj.backend.cpu.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector width of the elementwise kernels: the system property {@code cortexj.simd.bits}
 * (128, 256 or 512), by default 256 bits or the preferred width if that is smaller.
 *
 * <p>Why not the preferred width: Java arrays start 16 bytes into their object, so a 512-bit
 * access to consecutive elements crosses a 64-byte cache line every time, while a 256-bit one
 * does half the time. On an AMD EPYC with AVX-512 (JDK 17.0.15) a chain of four elementwise
 * operations over 16M floats took 16.5 ms with 512-bit vectors and 9.2 ms with 256-bit ones.
 */
final class VectorWidth {

    private VectorWidth() {
    }

    static VectorSpecies<Float> floatSpecies() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() <= bits()
                ? FloatVector.SPECIES_PREFERRED
                : VectorSpecies.of(float.class, VectorShape.forBitSize(bits()));
    }

    static VectorSpecies<Double> doubleSpecies() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() <= bits()
                ? DoubleVector.SPECIES_PREFERRED
                : VectorSpecies.of(double.class, VectorShape.forBitSize(bits()));
    }

    private static int bits() {
        String configured = System.getProperty("cortexj.simd.bits", "256");
        return switch (configured) {
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> throw new IllegalArgumentException("cortexj.simd.bits must be 128, 256 or 512, got '"
                    + configured + "'");
        };
    }
}
