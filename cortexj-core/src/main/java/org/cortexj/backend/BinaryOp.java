package org.cortexj.backend;

/**
 * Elementwise functions of two operands. Comparisons return 1 for true and 0 for false in the
 * operands' floating-point type; any comparison with NaN is false except {@link #NE}.
 */
public enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV,
    POW,
    /** Larger operand; NaN if either is NaN; max(−0, +0) = +0. */
    MAXIMUM,
    /** Smaller operand; NaN if either is NaN; min(−0, +0) = −0. */
    MINIMUM,
    GT,
    GE,
    LT,
    LE,
    EQ,
    NE,
    /**
     * a · b, except that the result is 0 wherever b == 0, even when a is infinite or NaN.
     * Backward rules multiply a local derivative (a) by an upstream gradient (b) with it, so an
     * unselected branch whose derivative overflows contributes 0 instead of NaN.
     */
    MUL_NO_NAN;

    public boolean isComparison() {
        return this == GT || this == GE || this == LT || this == LE || this == EQ || this == NE;
    }
}
