package org.cortexj.backend.cpu.codegen;

/**
 * An elementwise program compiled into one loop. Each generated subclass serves one program
 * structure; {@link FusedKernels#lookup} returns the instances.
 *
 * <p>For {@code n} elements the loop first runs whole vectors of the kernels' species over
 * elements {@code [0, loopBound(n))}, then one element at a time over the rest, exactly as
 * every interpreted kernel splits a chunk of {@code n} elements.
 */
public abstract class FusedKernel {

    private final int laneCount;

    /** @param laneCount lanes per vector step, a power of two */
    protected FusedKernel(int laneCount) {
        this.laneCount = laneCount;
    }

    /**
     * Lanes per vector step. A call over several chunks whose length is a multiple of it
     * splits them into vectors and tails exactly as one call per chunk does.
     */
    public final int laneCount() {
        return laneCount;
    }

    /**
     * Evaluates the program for {@code n} consecutive elements and writes the last register.
     *
     * @param registerArrays for each {@code LOAD} instruction {@code i} whose input is read as
     *        {@link InputAccess#ARRAY}, a {@code float[]} or {@code double[]} of the program's
     *        data type; other entries are not read
     * @param registerOffsets for those instructions, the index of the first element in
     *        {@code registerArrays[i]}
     * @param scalars for each {@code CONSTANT} instruction {@code i} its value, and for each
     *        {@code LOAD} of a {@link InputAccess#BROADCAST} input the input's value; float32
     *        programs round them to float; other entries are not read
     * @param output a {@code float[]} or {@code double[]} of the program's data type
     * @param outputOffset index in {@code output} of the first element written
     * @param n number of elements, at least 0; the output region may be an input region but
     *        must not otherwise overlap one
     */
    public abstract void run(Object[] registerArrays, int[] registerOffsets, double[] scalars,
                             Object output, int outputOffset, int n);
}
