package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * Recreates parameter values from a {@code "generator"} recipe, so that tensors too large to
 * store can be rebuilt bit-exactly.
 *
 * <p>Kind {@code splitmix64_int} with seed S, bound K and divisor D gives
 * {@code value[i] = k_i / D} (a {@code double} division) for i = 0..n-1 in row-major order. Here
 * {@code k_i} in [-K, K] is derived from the SplitMix64 output for i + 1: its top 24 bits
 * {@code u} map to {@code ((u * (2K + 1)) >> 24) - K}.
 */
public final class GeneratedWeights {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private GeneratedWeights() {
    }

    /**
     * Returns {@code count} values of the {@code splitmix64_int} recipe.
     *
     * @param seed the recipe's {@code seed} S
     * @param bound the recipe's {@code K}; every integer lies in [-K, K]
     * @param divisor the recipe's {@code divisor}, for example 1e6
     * @param count number of values, the product of the tensor's shape
     */
    public static double[] splitMix64Int(long seed, long bound, double divisor, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = integerAt(seed, bound, i) / divisor;
        }
        return values;
    }

    /** Returns the integer {@code k_i} of the recipe, before the division. */
    static long integerAt(long seed, long bound, int index) {
        // Wrapping 64-bit arithmetic and unsigned shifts, as in the SplitMix64 mixer.
        long z = seed + (long) (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        long top24 = z >>> 40;
        return ((top24 * (2 * bound + 1)) >> 24) - bound;
    }

    /**
     * Returns {@code count} values of the recipe described by a {@code "generator"} object.
     *
     * @throws ReferenceFormatException if the kind is not {@code splitmix64_int} or a member is
     *     missing or not a number
     */
    static double[] generate(JsonNode generator, int count, String path) {
        JsonNode kind = generator.path("kind");
        if (!"splitmix64_int".equals(kind.asText(null))) {
            throw new ReferenceFormatException(path + ".kind: unknown generator "
                    + JsonValues.brief(kind) + "; only \"splitmix64_int\" is supported");
        }
        long seed = longMember(generator, "seed", path);
        long bound = longMember(generator, "K", path);
        double divisor = JsonValues.number(generator.path("divisor"), path + ".divisor");
        return splitMix64Int(seed, bound, divisor, count);
    }

    /**
     * Reads an integer member as a 64-bit pattern: values in [2^63, 2^64) are taken as unsigned,
     * because the recipe uses wrapping 64-bit arithmetic.
     */
    private static long longMember(JsonNode generator, String name, String path) {
        JsonNode node = generator.path(name);
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.bitLength() <= 63 || (value.signum() > 0 && value.bitLength() == 64)) {
                return value.longValue();
            }
        }
        throw new ReferenceFormatException(path + "." + name + ": expected an integer in "
                + "[-2^63, 2^64), found " + JsonValues.brief(node));
    }
}
