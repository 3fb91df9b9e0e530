package org.cortexj.backend.cpu;

import org.cortexj.backend.Backend;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;

/**
 * Buffer on the Java heap, backed by exactly one of a float[], double[] or int[] array. Kernels
 * of the CPU backend read the array directly.
 */
public final class CpuBuffer implements Buffer {

    private final CpuBackend backend;
    private final DataType dataType;
    private final float[] floats;
    private final double[] doubles;
    private final int[] ints;
    private volatile int version;

    private CpuBuffer(CpuBackend backend, DataType dataType, float[] floats, double[] doubles, int[] ints) {
        this.backend = backend;
        this.dataType = dataType;
        this.floats = floats;
        this.doubles = doubles;
        this.ints = ints;
    }

    static CpuBuffer of(CpuBackend backend, float[] data) {
        return new CpuBuffer(backend, DataType.FLOAT32, data, null, null);
    }

    static CpuBuffer of(CpuBackend backend, double[] data) {
        return new CpuBuffer(backend, DataType.FLOAT64, null, data, null);
    }

    static CpuBuffer of(CpuBackend backend, int[] data) {
        return new CpuBuffer(backend, DataType.INT32, null, null, data);
    }

    static CpuBuffer allocate(CpuBackend backend, DataType dataType, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("allocate: size must be >= 0, got " + size);
        }
        return switch (dataType) {
            case FLOAT32 -> of(backend, new float[size]);
            case FLOAT64 -> of(backend, new double[size]);
            case INT32 -> of(backend, new int[size]);
        };
    }

    /** Casts a buffer of any backend to a CPU buffer, or explains why it cannot. */
    static CpuBuffer cast(Buffer buffer) {
        if (buffer instanceof CpuBuffer cpu) {
            return cpu;
        }
        throw new IllegalArgumentException("cpu backend: buffer belongs to backend '"
                + buffer.backend().name() + "'; move the tensor to the cpu backend first");
    }

    /** The float32 array; fails for other types. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("buffer holds " + dataType + ", not float32");
        }
        return floats;
    }

    /** The float64 array; fails for other types. */
    public double[] doubles() {
        if (doubles == null) {
            throw new IllegalStateException("buffer holds " + dataType + ", not float64");
        }
        return doubles;
    }

    /** The int32 array; fails for other types. */
    public int[] ints() {
        if (ints == null) {
            throw new IllegalStateException("buffer holds " + dataType + ", not int32");
        }
        return ints;
    }

    /** The backing array as an Object: float[], double[] or int[]. */
    Object array() {
        return floats != null ? floats : doubles != null ? doubles : ints;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public int size() {
        return floats != null ? floats.length : doubles != null ? doubles.length : ints.length;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public synchronized void bumpVersion() {
        version++;
    }
}
