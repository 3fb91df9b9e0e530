package org.cortexj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.SimdSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Copying loop bodies out of the vector math classes, and rejecting bodies that are unsafe to copy. */
class VectorMathBodyTest {

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(SimdSupport.enabled(), "the vector math classes need the jdk.incubator.vector module");
    }

    @Test
    void everyVectorMathLoopCanBeCopied() {
        for (LaneType type : LaneType.values()) {
            for (UnaryOp op : UnaryOp.values()) {
                if (VectorMathBodies.covers(op)) {
                    assertNotNull(VectorMathBodies.of(type, op), op + " " + type);
                }
            }
        }
    }

    @Test
    void bodyWithBranchIsRejected() {
        UnsupportedProgramException e = assertThrows(UnsupportedProgramException.class,
                () -> VectorMathBody.read(UnsafeLoops.class, "branch", LaneType.FLOAT32));
        assertTrue(e.getMessage().contains("branches"), e.getMessage());
    }

    @Test
    void bodyReadingOtherFieldIsRejected() {
        UnsupportedProgramException e = assertThrows(UnsupportedProgramException.class,
                () -> VectorMathBody.read(UnsafeLoops.class, "field", LaneType.FLOAT32));
        assertTrue(e.getMessage().contains("reads field"), e.getMessage());
    }

    @Test
    void bodyCallingOtherCodeIsRejected() {
        UnsupportedProgramException e = assertThrows(UnsupportedProgramException.class,
                () -> VectorMathBody.read(UnsafeLoops.class, "call", LaneType.FLOAT32));
        assertTrue(e.getMessage().contains("calls"), e.getMessage());
    }

    @Test
    void bodyReadingLoopIndexIsRejected() {
        UnsupportedProgramException e = assertThrows(UnsupportedProgramException.class,
                () -> VectorMathBody.read(UnsafeLoops.class, "index", LaneType.FLOAT32));
        assertTrue(e.getMessage().contains("loop's local"), e.getMessage());
    }

    @Test
    void missingMethodIsRejected() {
        assertThrows(UnsupportedProgramException.class,
                () -> VectorMathBody.read(UnsafeLoops.class, "absent", LaneType.FLOAT32));
    }

    /** Loops of the vector math shape whose bodies must not be copied. */
    static final class UnsafeLoops {

        private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
        static float scale = 2f;

        static int branch(float[] in, int inOffset, float[] out, int outOffset, int n) {
            int body = FLOATS.loopBound(n);
            for (int i = 0; i < body; i += FLOATS.length()) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                FloatVector y = x.lane(0) > 1 ? x.neg() : x;
                y.intoArray(out, outOffset + i);
            }
            return body;
        }

        static int field(float[] in, int inOffset, float[] out, int outOffset, int n) {
            int body = FLOATS.loopBound(n);
            for (int i = 0; i < body; i += FLOATS.length()) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                x.mul(scale).intoArray(out, outOffset + i);
            }
            return body;
        }

        static int call(float[] in, int inOffset, float[] out, int outOffset, int n) {
            int body = FLOATS.loopBound(n);
            for (int i = 0; i < body; i += FLOATS.length()) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                x.mul((float) Math.PI).lanewise(VectorOperators.ABS).add(Float.MIN_VALUE)
                        .mul(Float.valueOf(3f)).intoArray(out, outOffset + i);
            }
            return body;
        }

        static int index(float[] in, int inOffset, float[] out, int outOffset, int n) {
            int body = FLOATS.loopBound(n);
            for (int i = 0; i < body; i += FLOATS.length()) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, inOffset + i);
                x.add(i).intoArray(out, outOffset + i);
            }
            return body;
        }
    }
}
