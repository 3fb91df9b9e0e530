package org.cortexj.backend;

/** Reductions of a row of elements to one value. */
public enum ReduceOp {
    SUM,
    MEAN,
    MAX,
    MIN,
    /** Index of the first maximum, or of the first NaN. */
    ARGMAX,
    /** Index of the first minimum, or of the first NaN. */
    ARGMIN,
    /** Sum of squared deviations from the mean, divided by (count − correction). */
    VARIANCE
}
