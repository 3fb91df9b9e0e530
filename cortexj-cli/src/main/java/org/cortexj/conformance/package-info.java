/**
 * Conformance runner: reads reference vector files (JSON cases computed by PyTorch in float64),
 * runs each case through the library and compares the results within a tolerance.
 *
 * <p>Reading: {@link org.cortexj.conformance.ReferenceLoader} parses a file into a
 * {@link org.cortexj.conformance.ReferenceFile} of {@link org.cortexj.conformance.ReferenceCase}s,
 * whose tensors are {@link org.cortexj.conformance.ReferenceTensor}s and whose attributes are read
 * through {@link org.cortexj.conformance.Attributes}.
 *
 * <p>Running: a {@link org.cortexj.conformance.CaseHandler} computes one op family with the library
 * and compares with a {@link org.cortexj.conformance.CaseChecker}; handlers are registered by op
 * name in a {@link org.cortexj.conformance.HandlerRegistry}, and
 * {@link org.cortexj.conformance.BuiltInHandlers} lists the ones the command line uses. The
 * {@link org.cortexj.conformance.ConformanceRunner} dispatches every case on its {@code op} (never
 * on the file name), and prints one line per failing case and a summary.
 *
 * <p>Comparing: {@link org.cortexj.conformance.Tolerance} applies
 * {@code |got - expected| <= rtol * |expected| + atol * max|expected|} per tensor, and
 * {@link org.cortexj.conformance.ToleranceTable} contains the defaults per op and precision.
 */
package org.cortexj.conformance;
