/**
 * Row reductions over contiguous float and double arrays: sum, mean, max, min, argmax, argmin
 * and variance, one result per row.
 *
 * <p>The tensor layer brings the data into the form {@code [rows, rowLength]}, row-major and
 * contiguous with the reduced axes last, and calls {@link
 * org.cortexj.backend.cpu.reduce.RowReductions} once per batch of rows. This package works on
 * raw arrays and offsets only, never on shapes or tensors.
 *
 * <p>Sums use a fixed blocked, pairwise summation tree that depends only on the row length, so
 * a row's result is bit-identical whatever the offset, the batch of rows or the thread that
 * computes it, and whether the scalar or the SIMD kernels run. The SIMD kernels use the
 * incubating {@code jdk.incubator.vector} module and are picked once at start-up when that
 * module is readable.
 *
 * <p>Not done yet: the kernels run on the calling thread only. Callers may split rows across
 * threads because every call keeps its scratch space to itself.
 */
package org.cortexj.backend.cpu.reduce;
