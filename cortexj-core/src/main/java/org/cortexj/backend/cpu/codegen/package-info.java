/**
 * Elementwise kernels generated per expression: a fused {@link org.cortexj.backend.ElementwiseProgram}
 * becomes one hidden class whose method runs the whole program in a single loop.
 *
 * <p>The interpreter in {@code org.cortexj.backend.cpu} runs one whole-chunk kernel per
 * instruction, so every step loads and stores a chunk-sized register. A generated kernel
 * instead loads each input vector once, keeps every intermediate in local variables and
 * stores only the result. Each vector step uses the same Vector API calls, in the same
 * species, as {@link org.cortexj.backend.cpu.simd.VectorElementwiseKernels}. For exp, expm1,
 * log, log1p, tanh and sigmoid it copies the bytecode of the loop bodies of the simd package's
 * vector math classes. The scalar tail uses the expressions of {@link
 * org.cortexj.backend.cpu.ScalarElementwiseKernels}, so the two evaluators return the same bits
 * for the same chunk.
 *
 * <p>{@link org.cortexj.backend.cpu.codegen.FusedKernels} is the entry point. Kernels are
 * cached by the program's structure (operators, operand registers, data type and how each
 * input is read) without its constant values, which reach the kernel as arguments, so a
 * training loop whose learning rate changes still compiles each expression once.
 *
 * <p>Generation needs the {@code jdk.incubator.vector} module. Without it, with the system
 * property {@code cortexj.codegen=false}, for a program whose method would exceed the JIT's
 * size limit, or when a vector math loop no longer has the shape the copier accepts, the
 * backend interprets the program instead.
 */
package org.cortexj.backend.cpu.codegen;
