package org.cortexj.backend;

/**
 * Elementwise functions of one operand, each with IEEE 754 semantics: NaN in gives NaN out, and
 * the value at ±0 and ±∞ is the limit of the function there.
 */
public enum UnaryOp {
    NEG,
    ABS,
    EXP,
    /** exp(x) − 1, accurate near 0. */
    EXPM1,
    LOG,
    /** log(1 + x), accurate near 0. */
    LOG1P,
    SQRT,
    /** 1 / sqrt(x). */
    RSQRT,
    SQUARE,
    RECIPROCAL,
    TANH,
    /** 1 / (1 + exp(−x)), evaluated without overflow for large |x|. */
    SIGMOID,
    /** max(x, 0) with relu(NaN) = NaN. */
    RELU,
    /** −1, 0 or 1 with the sign of x; ±0 and NaN map to themselves. */
    SIGN,
    FLOOR,
    CEIL,
    /** Round to the nearest integer, halfway cases to the even one. */
    ROUND,
    /** Gauss error function. */
    ERF
}
