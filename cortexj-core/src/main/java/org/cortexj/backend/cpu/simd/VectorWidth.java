package org.cortexj.backend.cpu.simd;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector width of the elementwise kernels: the system property {@code cortexj.simd.bits}
 * (128, 256 or 512) or, without it, 512 bits on Intel processors and 256 bits on others; never
 * more than the processor's preferred width. The width does not change results: every lane
 * computes the same operations as the scalar code.
 *
 * <p>Why it depends on the processor: Java arrays start 16 bytes into their object, so a 512-bit
 * access to consecutive elements crosses a 64-byte cache line every time, while a 256-bit one
 * does half the time. How much that costs differs. On an AMD EPYC with AVX-512 (JDK 17.0.15) a
 * chain of four elementwise operations over 16M floats took 16.5 ms with 512-bit vectors and
 * 9.2 ms with 256-bit ones. On an Intel Xeon with AVX-512 (same JDK, 2026-12-05) 512-bit vectors
 * made fused SELU over 16M floats 13% faster and an epoch of the seed network 13% faster. A plain
 * copy through the backend was 20 to 24% slower there (BENCHMARKS.md).
 */
final class VectorWidth {

    static final String PROPERTY = "cortexj.simd.bits";
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

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

    /** Says where the width comes from, for the backend's log line. */
    static String source() {
        if (System.getProperty(PROPERTY) != null) {
            return "set by " + PROPERTY;
        }
        String vendor = cpuVendor().orElse("unknown");
        return "default for processor vendor " + vendor + "; set " + PROPERTY + " to change";
    }

    private static int bits() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null) {
            return defaultBits(cpuVendor());
        }
        return switch (configured) {
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> throw new IllegalArgumentException(PROPERTY + " must be 128, 256 or 512, got '"
                    + configured + "'");
        };
    }

    /** Returns 512 for Intel, whose measurements favour it, and 256 for every other or unknown vendor. */
    static int defaultBits(Optional<String> vendor) {
        return vendor.filter("GenuineIntel"::equals).isPresent() ? 512 : 256;
    }

    /** Reads the vendor_id of /proc/cpuinfo, or returns empty where that file is missing or has none. */
    static Optional<String> cpuVendor() {
        if (!Files.isReadable(CPU_INFO)) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(CPU_INFO)) {
            return reader.lines()
                    .filter(line -> line.startsWith("vendor_id"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
