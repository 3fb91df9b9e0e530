package org.cortexj.backend.cpu.codegen;

/** How a generated kernel reads one input of a program. */
public enum InputAccess {
    /**
     * Element by element from an array of the program's data type: the input itself when it
     * is one unit-stride run, or a chunk the caller gathered and converted.
     */
    ARRAY,
    /** One value for every element, passed to the kernel with the constants. */
    BROADCAST
}
