package org.cortexj.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * Tensor from a reference file: a shape, row-major values stored as {@code double}, and a
 * {@link ReferenceDtype}. Instances are immutable; array accessors return copies.
 *
 * <p>Shape {@code []} is a scalar with one value, and a shape with a 0 has no values. A tensor may
 * omit its data ({@code "data_omitted": true}) when the file gives a recipe or summaries instead;
 * such a tensor still has a shape, and its other members ({@code generator}, {@code sum},
 * {@code sample_values}, ...) are read with the {@code extra...} accessors.
 */
public final class ReferenceTensor {

    private final int[] shape;
    private final double[] data;
    private final ReferenceDtype dtype;
    private final ObjectNode extras;
    private final String path;

    ReferenceTensor(int[] shape, double[] data, ReferenceDtype dtype, ObjectNode extras, String path) {
        this.shape = shape;
        this.data = data;
        this.dtype = dtype;
        this.extras = extras;
        this.path = path;
    }

    /**
     * Creates a floating-point tensor, for tests and for handlers that build expected values.
     *
     * @throws IllegalArgumentException if a dimension is negative or {@code data.length} differs
     *     from the product of the shape
     */
    public static ReferenceTensor of(int[] shape, double... data) {
        long size = TensorParser.checkedSize(shape, "tensor");
        if (size != data.length) {
            throw new IllegalArgumentException("tensor: " + data.length + " values given but shape "
                    + Arrays.toString(shape) + " needs " + size);
        }
        return new ReferenceTensor(shape.clone(), data.clone(), ReferenceDtype.FLOAT,
                JsonNodeFactory.instance.objectNode(), "tensor");
    }

    /** Creates a floating-point scalar (shape {@code []}). */
    public static ReferenceTensor scalar(double value) {
        return of(new int[0], value);
    }

    /** Dimensions, outermost first; a copy. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements: the product of the shape, 1 for a scalar. Known even when data is omitted. */
    public int size() {
        int size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        return size;
    }

    public ReferenceDtype dtype() {
        return dtype;
    }

    /** Location in the file, such as {@code cases[3].inputs.x}, for messages. */
    public String path() {
        return path;
    }

    /** Returns whether the file stores the values; false for {@code "data_omitted": true}. */
    public boolean hasData() {
        return data != null;
    }

    /** Row-major values; a copy. */
    public double[] data() {
        return requireData().clone();
    }

    /** Value at a row-major flat index. */
    public double get(int flatIndex) {
        return requireData()[flatIndex];
    }

    /** Returns the only value of a tensor with one element, such as a scalar loss. */
    public double scalarValue() {
        double[] values = requireData();
        if (values.length != 1) {
            throw new ReferenceFormatException(path + ": expected one value, found shape "
                    + Arrays.toString(shape));
        }
        return values[0];
    }

    /** Values rounded to {@code float}, for float32 runs. */
    public float[] toFloatArray() {
        double[] values = requireData();
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    /**
     * Values as {@code int}, for labels and indices.
     *
     * @throws ReferenceFormatException if a value is not an integer in the {@code int} range
     */
    public int[] toIntArray() {
        double[] values = requireData();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new ReferenceFormatException(path + ".data[" + i + "]: expected an integer in "
                        + "the int range, found " + value);
            }
            result[i] = (int) value;
        }
        return result;
    }

    /** Values as booleans: true where the value is non-zero (a mask or condition). */
    public boolean[] toBooleanArray() {
        double[] values = requireData();
        boolean[] result = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] != 0;
        }
        return result;
    }

    /**
     * Converts to a library tensor. Floating-point values become a tensor of {@code precision}
     * (rounded to {@code float} for float32); int64 and bool values become an int32 tensor.
     *
     * @throws ReferenceFormatException if the data is omitted, or an integer value is outside the
     *     {@code int} range
     */
    public Tensor toTensor(Precision precision) {
        if (dtype.isExact()) {
            return Tensor.of(toIntArray(), shape);
        }
        if (precision == Precision.FLOAT32) {
            return Tensor.of(toFloatArray(), shape);
        }
        return Tensor.of(requireData(), shape);
    }

    /**
     * Returns the names of the members besides {@code shape}, {@code data}, {@code dtype} and
     * {@code data_omitted}.
     */
    public List<String> extraNames() {
        List<String> names = new ArrayList<>();
        extras.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Returns a member besides the tensor fields, as raw JSON, such as {@code generator}.
     *
     * @throws ReferenceFormatException if the tensor has no such member
     */
    public JsonNode extra(String name) {
        JsonNode node = extras.get(name);
        if (node == null) {
            throw new ReferenceFormatException(path + ": no member \"" + name + "\"; members besides "
                    + "shape and data: " + extraNames());
        }
        return node;
    }

    /** Returns a numeric member such as {@code sum} or {@code frobenius_norm}. */
    public double extraDouble(String name) {
        return JsonValues.number(extra(name), path + "." + name);
    }

    /** Returns a tensor-valued member such as {@code sample_values} or {@code row_sums}. */
    public ReferenceTensor extraTensor(String name) {
        return TensorParser.parse(extra(name), path + "." + name);
    }

    /**
     * Recreates the values from the {@code generator} member, for tensors whose data is omitted
     * (see {@link GeneratedWeights}).
     *
     * @throws ReferenceFormatException if there is no generator or it is of an unknown kind
     */
    public double[] generatedData() {
        return GeneratedWeights.generate(extra("generator"), size(), path + ".generator");
    }

    private double[] requireData() {
        if (data == null) {
            throw new ReferenceFormatException(path + ": data is omitted in the file (shape "
                    + Arrays.toString(shape) + "); use generatedData() or the members " + extraNames());
        }
        return data;
    }

    /** Short description: path, shape and dtype, such as {@code cases[0].inputs.x [2, 3] float}. */
    @Override
    public String toString() {
        String omitted = data == null ? " (data omitted)" : "";
        return path + " " + Arrays.toString(shape) + " " + dtype + omitted;
    }
}
