package org.cortexj.nn.functional;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.Layout;
import org.cortexj.tensor.Tensor;

/**
 * Moves tensors to and from the buffers that the backend's convolution and pooling kernels
 * take: contiguous, row-major, starting at element 0, with no element past the tensor's end.
 */
final class KernelBuffers {

    private KernelBuffers() {
    }

    /**
     * Returns a buffer that contains exactly the elements of {@code tensor} in row-major order. It
     * is the tensor's own buffer when the tensor already is such a view, otherwise a copy.
     * Nothing is recorded for autograd.
     */
    static Buffer exact(Tensor tensor) {
        Tensor dense = tensor.detach().contiguous();
        if (dense.layout().offset() != 0 || dense.buffer().size() != dense.size()) {
            dense = dense.copy();
        }
        return dense.buffer();
    }

    /** Wraps a whole buffer as a contiguous tensor of {@code shape}. */
    static Tensor wrap(Buffer buffer, int... shape) {
        return Tensor.fromBuffer(buffer, Layout.contiguous(shape));
    }

    /** Returns a zero-filled tensor of {@code shape} on {@code backend}. */
    static Tensor zeros(Backend backend, DataType dataType, int... shape) {
        return wrap(backend.allocate(dataType, Layout.contiguous(shape).size()), shape);
    }
}
