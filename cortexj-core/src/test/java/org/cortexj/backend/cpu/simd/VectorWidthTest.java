package org.cortexj.backend.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorWidthTest {

    @Test
    void intelDefaultsToFiveTwelve() {
        assertEquals(512, VectorWidth.defaultBits(Optional.of("GenuineIntel")));
    }

    @Test
    void otherVendorsDefaultToTwoFiftySix() {
        assertEquals(256, VectorWidth.defaultBits(Optional.of("AuthenticAMD")));
        assertEquals(256, VectorWidth.defaultBits(Optional.empty()));
    }

    @Test
    void widthNeverExceedsPreferredWidth() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int chosen = VectorWidth.floatSpecies().vectorBitSize();
        assertTrue(chosen <= preferred, chosen + " bits chosen, " + preferred + " preferred");
        assertEquals(chosen, VectorWidth.doubleSpecies().vectorBitSize());
    }

    @Test
    void sourceNamesTheProperty() {
        assertTrue(VectorWidth.source().contains(VectorWidth.PROPERTY), VectorWidth.source());
    }
}
