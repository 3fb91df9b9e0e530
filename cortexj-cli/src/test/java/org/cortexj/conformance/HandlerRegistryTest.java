package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerRegistryTest {

    @TempDir
    Path folder;

    @Test
    void firstSupportingHandlerWins() throws IOException {
        NegateHandler declines = new NegateHandler();
        NegateHandler accepts = new NegateHandler();
        CaseHandler picky = new CaseHandler() {
            @Override
            public boolean supports(ReferenceCase c) {
                return false;
            }

            @Override
            public CaseResult run(ReferenceCase c, Precision p) {
                throw new AssertionError("never called");
            }
        };
        HandlerRegistry registry = new HandlerRegistry().register(picky, "negate").register(accepts, "negate")
                .register(declines, "negate");
        ReferenceCase c = VectorFiles.onlyCase(folder, "{\"name\": \"n\", \"op\": \"negate\"}");

        assertSame(accepts, registry.find(c).orElseThrow());
    }

    @Test
    void unknownOpFindsNothing() throws IOException {
        HandlerRegistry registry = new HandlerRegistry().register(new NegateHandler(), "negate", "neg");
        ReferenceCase c = VectorFiles.onlyCase(folder, "{\"name\": \"n\", \"op\": \"conv2d\"}");

        assertTrue(registry.find(c).isEmpty());
        assertFalse(registry.hasOp("conv2d"));
        assertTrue(registry.hasOp("neg"));
    }

    @Test
    void registerNeedsOpNames() {
        assertThrows(IllegalArgumentException.class, () -> new HandlerRegistry().register(new NegateHandler()));
        assertThrows(IllegalArgumentException.class, () -> new HandlerRegistry().register(new NegateHandler(), ""));
    }
}
