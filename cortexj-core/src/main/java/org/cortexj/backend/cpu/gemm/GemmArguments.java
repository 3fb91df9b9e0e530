package org.cortexj.backend.cpu.gemm;

/**
 * Argument checks shared by every {@link Gemm} implementation, so that all of them reject the
 * same calls with the same messages.
 */
final class GemmArguments {

    private GemmArguments() {
    }

    static void checkFloat(String call, boolean transA, boolean transB, int m, int n, int k,
                           float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                           float[] c, int cOffset, int ldc) {
        requireArray(call, "A", a);
        requireArray(call, "B", b);
        requireArray(call, "C", c);
        check(call, transA, transB, m, n, k,
                a, a.length, aOffset, lda, b, b.length, bOffset, ldb, c, c.length, cOffset, ldc);
    }

    static void checkDouble(String call, boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                            double[] c, int cOffset, int ldc) {
        requireArray(call, "A", a);
        requireArray(call, "B", b);
        requireArray(call, "C", c);
        check(call, transA, transB, m, n, k,
                a, a.length, aOffset, lda, b, b.length, bOffset, ldb, c, c.length, cOffset, ldc);
    }

    private static void check(String call, boolean transA, boolean transB, int m, int n, int k,
                              Object a, int aLength, int aOffset, int lda,
                              Object b, int bLength, int bOffset, int ldb,
                              Object c, int cLength, int cOffset, int ldc) {
        requireSize(call, "m", m);
        requireSize(call, "n", n);
        requireSize(call, "k", k);

        // The stored shape of a transposed operand is the transpose of its op() shape.
        Stored storedA = new Stored("A", transA ? k : m, transA ? m : k, aLength, aOffset, lda,
                "transA=" + transA);
        Stored storedB = new Stored("B", transB ? n : k, transB ? k : n, bLength, bOffset, ldb,
                "transB=" + transB);
        Stored storedC = new Stored("C", m, n, cLength, cOffset, ldc, "m x n");
        storedA.check(call);
        storedB.check(call);
        storedC.check(call);

        if (a == c) {
            storedC.rejectOverlap(call, storedA);
        }
        if (b == c) {
            storedC.rejectOverlap(call, storedB);
        }
    }

    private static void requireArray(String call, String name, Object array) {
        if (array == null) {
            throw new NullPointerException(call + ": array " + name + " is null");
        }
    }

    private static void requireSize(String call, String name, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(
                    call + ": " + name + " must be >= 0, got " + size);
        }
    }

    /** One operand as stored in its array: {@code rows x cols}, leading dimension {@code ld}. */
    private record Stored(String name, int rows, int cols, int arrayLength, int offset, int ld,
                          String shapeSource) {

        void check(String call) {
            if (ld < cols) {
                throw new IllegalArgumentException(call + ": ld" + name.toLowerCase() + " " + ld
                        + " is smaller than the stored row length of " + name + " (" + rows + " x "
                        + cols + " stored, " + shapeSource + "); ld" + name.toLowerCase()
                        + " must be >= " + cols);
            }
            if (offset < 0 || offset > arrayLength) {
                throw new IndexOutOfBoundsException(call + ": " + name.toLowerCase()
                        + "Offset " + offset + " is outside array " + name + " of length "
                        + arrayLength + "; the offset must be in [0, " + arrayLength + "]");
            }
            long end = end();
            if (end > arrayLength) {
                throw new IndexOutOfBoundsException(call + ": array " + name + " is too short: "
                        + rows + " x " + cols + " stored from offset " + offset + " with ld "
                        + ld + " needs length >= " + end + ", got " + arrayLength);
            }
        }

        /** Returns one past the last element read or written, as a long to avoid int overflow. */
        long end() {
            if (rows == 0 || cols == 0) {
                return offset;
            }
            return offset + (long) (rows - 1) * ld + cols;
        }

        void rejectOverlap(String call, Stored input) {
            boolean overlaps = end() > offset && input.end() > input.offset
                    && offset < input.end() && input.offset < end();
            if (overlaps) {
                throw new IllegalArgumentException(call + ": C elements [" + offset + ", "
                        + end() + ") overlap " + input.name + " elements [" + input.offset + ", "
                        + input.end() + ") in the same array; C must not share elements with "
                        + input.name + ", so write C to a separate array or region");
            }
        }
    }
}
