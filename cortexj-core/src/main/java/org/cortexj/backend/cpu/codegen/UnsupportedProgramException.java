package org.cortexj.backend.cpu.codegen;

/** Thrown when a program cannot become a generated kernel; the caller interprets it instead. */
final class UnsupportedProgramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedProgramException(String message) {
        super(message);
    }
}
