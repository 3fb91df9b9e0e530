package org.cortexj.backend.cpu.codegen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.simd.DoubleVectorMath;
import org.cortexj.backend.cpu.simd.FloatVectorMath;

/**
 * The copied loop bodies of the vector math classes, read once per element type and operator.
 * A body that cannot be copied is remembered as such, so every program that needs it falls back
 * to the interpreter without reading the class file again.
 */
final class VectorMathBodies {

    private record Key(LaneType type, UnaryOp op) {
    }

    /** A body, or the message of the failure to read it. */
    private static final Map<Key, Object> BODIES = new ConcurrentHashMap<>();

    private VectorMathBodies() {
    }

    /** Returns whether the Vector API kernels compute {@code op} with a vector math class. */
    static boolean covers(UnaryOp op) {
        return switch (op) {
            case EXP, EXPM1, LOG, LOG1P, TANH, SIGMOID -> true;
            default -> false;
        };
    }

    /**
     * Returns the body that computes {@code op} on one vector of {@code type}.
     *
     * @throws UnsupportedProgramException if the body cannot be copied
     */
    static VectorMathBody of(LaneType type, UnaryOp op) {
        Object body = BODIES.computeIfAbsent(new Key(type, op), VectorMathBodies::read);
        if (body instanceof VectorMathBody copied) {
            return copied;
        }
        throw new UnsupportedProgramException((String) body);
    }

    private static Object read(Key key) {
        Class<?> owner = key.type() == LaneType.FLOAT32 ? FloatVectorMath.class : DoubleVectorMath.class;
        try {
            return VectorMathBody.read(owner, ScalarStepEmitter.methodName(key.op()), key.type());
        } catch (UnsupportedProgramException e) {
            return e.getMessage();
        }
    }
}
