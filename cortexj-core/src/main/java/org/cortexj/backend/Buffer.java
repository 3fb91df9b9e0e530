package org.cortexj.backend;

/**
 * Flat storage of elements of one {@link DataType}, owned by a {@link Backend}.
 *
 * <p>A buffer has no shape: tensors describe how they view it with a {@link Layout}. Every
 * in-place write through the tensor layer increments {@link #version()}, so readers that captured
 * the buffer earlier can tell that its contents changed.
 */
public interface Buffer {

    DataType dataType();

    /** Number of elements. */
    int size();

    Backend backend();

    /** Counter of in-place writes, starting at 0. */
    int version();

    /** Records one in-place write. */
    void bumpVersion();
}
