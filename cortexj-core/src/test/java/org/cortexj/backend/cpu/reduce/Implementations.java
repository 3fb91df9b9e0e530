package org.cortexj.backend.cpu.reduce;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The scalar and the Vector API reducers, for tests that run on both. */
final class Implementations {

    static final FloatRowReducer SCALAR_FLOAT = new FloatRowReducer(new ScalarFloatKernels());
    static final FloatRowReducer VECTOR_FLOAT = new FloatRowReducer(new VectorFloatKernels());
    static final DoubleRowReducer SCALAR_DOUBLE = new DoubleRowReducer(new ScalarDoubleKernels());
    static final DoubleRowReducer VECTOR_DOUBLE = new DoubleRowReducer(new VectorDoubleKernels());

    private Implementations() {
    }

    /** Arguments (name, float reducer) for parameterized tests. */
    static Stream<Arguments> floatReducers() {
        return Stream.of(
                Arguments.of("scalar", SCALAR_FLOAT),
                Arguments.of("vector", VECTOR_FLOAT));
    }

    /** Arguments (name, double reducer) for parameterized tests. */
    static Stream<Arguments> doubleReducers() {
        return Stream.of(
                Arguments.of("scalar", SCALAR_DOUBLE),
                Arguments.of("vector", VECTOR_DOUBLE));
    }
}
