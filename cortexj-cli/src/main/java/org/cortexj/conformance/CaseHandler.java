package org.cortexj.conformance;

/**
 * Runs the cases of one op family through the library and compares the results.
 *
 * <p>A handler is registered for one or more op names in a {@link HandlerRegistry}. The runner
 * calls {@link #supports} first, so a handler can decline attribute values it does not implement
 * (those cases are reported as skipped), then {@link #run} once per requested precision.
 *
 * <p>Example, for an op {@code relu} with input {@code x} and output {@code y}:
 * <pre>{@code
 * public CaseResult run(ReferenceCase c, Precision p) {
 *     ReferenceTensor x = c.inputs().get("x");
 *     // ... compute y and, when c.dy() is present, the gradient dx with the library
 *     return CaseChecker.forCase(c, p)
 *             .output("y", yShape, yValues)
 *             .grad("x", dxShape, dxValues)
 *             .result();
 * }
 * }</pre>
 */
public interface CaseHandler {

    /**
     * Returns whether this handler implements the case's op with its attributes. Called before
     * {@link #run}; it should only inspect the case, not compute.
     */
    boolean supports(ReferenceCase referenceCase);

    /**
     * Computes the case at {@code precision} and compares with the reference.
     *
     * @return the comparisons ({@link CaseChecker#result()}), or {@link CaseResult#failed} /
     *     {@link CaseResult#skipped} with a reason
     * @throws Exception any failure; the runner reports the case as failed with the exception's
     *     type and message
     */
    CaseResult run(ReferenceCase referenceCase, Precision precision) throws Exception;
}
