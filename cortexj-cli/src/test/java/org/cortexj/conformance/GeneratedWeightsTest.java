package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GeneratedWeightsTest {

    // Expected integers from an independent Python implementation of the recipe with arbitrary
    // precision integers masked to 64 bits.
    @Test
    void integersMatchPythonRecipe() {
        long[] expected = {-220, -967, 802, 166, -95, -501};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(expected[i] == GeneratedWeights.integerAt(7, 1000, i), "index " + i);
        }
    }

    @Test
    void unsignedSeedWrapsLikePython() {
        // Seed 2^64 - 1 is the 64-bit pattern of -1.
        long[] expected = {4, 5, -3, -1, 2, 4};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(expected[i] == GeneratedWeights.integerAt(-1L, 5, i), "index " + i);
        }
    }

    @Test
    void unsignedSeedIsReadFromJson() throws Exception {
        JsonNode generator = new ObjectMapper().readTree(
                "{\"kind\": \"splitmix64_int\", \"seed\": 18446744073709551615, \"K\": 5, \"divisor\": 10}");

        assertArrayEquals(new double[] {0.4, 0.5, -0.3}, GeneratedWeights.generate(generator, 3, "g"));
    }

    @Test
    void unknownKindIsRejected() throws Exception {
        JsonNode generator = new ObjectMapper().readTree("{\"kind\": \"normal\", \"seed\": 1}");

        ReferenceLoaderTest.assertContains(assertThrows(ReferenceFormatException.class,
                () -> GeneratedWeights.generate(generator, 3, "g")), "g.kind: unknown generator");
    }

    @Test
    void valuesAreIntegersOverDivisor() {
        assertArrayEquals(new double[] {-0.22, -0.967, 0.802}, GeneratedWeights.splitMix64Int(7, 1000, 1000, 3));
    }

    @Test
    void integersStayWithinBound() {
        for (int i = 0; i < 10_000; i++) {
            long k = GeneratedWeights.integerAt(123, 3, i);
            assertTrue(k >= -3 && k <= 3, "index " + i + " gave " + k);
        }
    }
}
