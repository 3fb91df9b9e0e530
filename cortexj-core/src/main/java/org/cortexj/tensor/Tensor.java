package org.cortexj.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.cortexj.autograd.Backpropagation;
import org.cortexj.autograd.GradMode;
import org.cortexj.autograd.Node;
import org.cortexj.backend.Backend;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.DataType;
import org.cortexj.backend.Layout;
import org.cortexj.backend.UnaryOp;

/**
 * An n-dimensional array: a strided view over a buffer, or a lazy elementwise expression that
 * becomes one when first read.
 *
 * <p>Elementwise operations do not compute anything when called. They return a lazy tensor,
 * and when a lazy tensor is read, reduced, multiplied or viewed, the whole chain of pending
 * operations runs as one fused pass over memory. So a function written as several readable
 * expressions, such as
 * <pre>{@code
 * Tensor selu = Tensor.where(x.gt(0), x, x.exp().mul(ALPHA).sub(ALPHA)).mul(LAMBDA);
 * }</pre>
 * costs about as much as one hand-written loop. Results never depend on when evaluation
 * happens: an in-place write to a tensor first settles every lazy tensor that reads it.
 *
 * <p>Binary operations broadcast as NumPy does: shapes are aligned at their last axes, and each
 * aligned pair of sizes must be equal or contain a 1, for example [2, 1, 4] with [3, 1] gives
 * [2, 3, 4]. Operands must have the same data type; a double argument adopts the tensor's type.
 *
 * <p>Operations on tensors that {@linkplain #requiresGrad() require gradients} are recorded,
 * and {@link #backward()} computes the gradients of every leaf.
 */
public final class Tensor {

    private final Backend backend;
    private final Shape shape;
    private final DataType dataType;

    private volatile Storage storage;
    private volatile Layout layout;
    private volatile Expression expression;
    private int expressionNodes;
    private List<WeakReference<Tensor>> lazyConsumers;

    private volatile boolean requiresGrad;
    private volatile Tensor grad;
    private Node gradNode;

    private Tensor(Backend backend, Shape shape, DataType dataType, Storage storage, Layout layout,
                   Expression expression) {
        this.backend = backend;
        this.shape = shape;
        this.dataType = dataType;
        this.storage = storage;
        this.layout = layout;
        this.expression = expression;
        this.expressionNodes = expression == null ? 0 : expression.nodeCount();
    }

    static Tensor realized(Backend backend, Storage storage, Layout layout, DataType dataType) {
        return new Tensor(backend, Shape.wrap(layout.shape()), dataType, storage, layout, null);
    }

    static Tensor lazy(Backend backend, Expression expression, Shape shape, DataType dataType) {
        Tensor tensor = new Tensor(backend, shape, dataType, null, null, expression);
        for (Tensor operand : expression.operands) {
            operand.registerConsumer(tensor);
        }
        return tensor;
    }

    /** Wraps a backend buffer viewed through a layout, without copying. */
    public static Tensor fromBuffer(Buffer buffer, Layout layout) {
        return realized(buffer.backend(), new Storage(buffer), layout, buffer.dataType());
    }

    // ---------------------------------------------------------------- creation

    /** Returns a float32 tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return Creation.full(0, DataType.FLOAT32, shape);
    }

    public static Tensor zeros(DataType dataType, int... shape) {
        return Creation.full(0, dataType, shape);
    }

    /** Returns a float32 tensor of ones. */
    public static Tensor ones(int... shape) {
        return Creation.full(1, DataType.FLOAT32, shape);
    }

    public static Tensor ones(DataType dataType, int... shape) {
        return Creation.full(1, dataType, shape);
    }

    public static Tensor full(double value, DataType dataType, int... shape) {
        return Creation.full(value, dataType, shape);
    }

    /** Returns a rank-0 float32 tensor. */
    public static Tensor scalar(double value) {
        return Creation.full(value, DataType.FLOAT32);
    }

    public static Tensor scalar(double value, DataType dataType) {
        return Creation.full(value, dataType);
    }

    /** Returns start, start + step, ... up to but excluding end, as NumPy's arange. */
    public static Tensor arange(double start, double end, double step, DataType dataType) {
        return Creation.arange(start, end, step, dataType);
    }

    /** Returns 0, 1, ..., end − 1 in float32. */
    public static Tensor arange(int end) {
        return Creation.arange(0, end, 1, DataType.FLOAT32);
    }

    /** Returns {@code count} evenly spaced values from start to end, both included. */
    public static Tensor linspace(double start, double end, int count, DataType dataType) {
        return Creation.linspace(start, end, count, dataType);
    }

    /** Wraps row-major data as a float32 tensor; the array is copied. */
    public static Tensor of(float[] data, int... shape) {
        return Creation.of(data.clone(), shape);
    }

    /** Wraps row-major data as a float64 tensor; the array is copied. */
    public static Tensor of(double[] data, int... shape) {
        return Creation.of(data.clone(), shape);
    }

    /** Wraps row-major data as an int32 tensor; the array is copied. */
    public static Tensor of(int[] data, int... shape) {
        return Creation.of(data.clone(), shape);
    }

    /** Returns a float32 vector of the values. */
    public static Tensor vector(float... values) {
        return Creation.of(values.clone(), values.length);
    }

    /** Returns a float32 matrix from rows of equal length. */
    public static Tensor matrix(float[][] rows) {
        return Creation.matrix(rows);
    }

    /** Returns a float64 matrix from rows of equal length. */
    public static Tensor matrix(double[][] rows) {
        return Creation.matrix(rows);
    }

    /** Returns values drawn uniformly from [low, high). */
    public static Tensor uniform(Generator generator, double low, double high, DataType dataType, int... shape) {
        return Creation.uniform(generator, low, high, dataType, shape);
    }

    /** Returns values drawn from the normal distribution N(mean, std²). */
    public static Tensor normal(Generator generator, double mean, double std, DataType dataType, int... shape) {
        return Creation.normal(generator, mean, std, dataType, shape);
    }

    /** Returns 1 with probability p and 0 otherwise. */
    public static Tensor bernoulli(Generator generator, double p, DataType dataType, int... shape) {
        return Creation.bernoulli(generator, p, dataType, shape);
    }

    /** Returns zeros with this tensor's shape and type. */
    public Tensor zerosLike() {
        return Creation.full(0, dataType, shape.dimsUnsafe());
    }

    /** Returns ones with this tensor's shape and type. */
    public Tensor onesLike() {
        return Creation.full(1, dataType, shape.dimsUnsafe());
    }

    // ---------------------------------------------------------------- properties

    public Shape shape() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    /** Size of an axis; negative axes count from the end. */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** Number of elements. */
    public int size() {
        return shape.size();
    }

    public DataType dataType() {
        return dataType;
    }

    public Backend backend() {
        return backend;
    }

    /** Tells whether this tensor is still an unevaluated expression. */
    public boolean isLazy() {
        return expression != null;
    }

    /** Tells whether the elements lie in row-major order without gaps, evaluating a lazy tensor first. */
    public boolean isContiguous() {
        return layout().isContiguous();
    }

    /** Returns the buffer behind this tensor, evaluating a lazy tensor first. */
    public Buffer buffer() {
        realize();
        return storage.buffer();
    }

    /** Returns the layout through which this tensor views its buffer, evaluating a lazy tensor first. */
    public Layout layout() {
        realize();
        return layout;
    }

    Storage storage() {
        realize();
        return storage;
    }

    Expression pendingExpression() {
        return expression;
    }

    int pendingNodeCount() {
        Expression pending = expression;
        return pending == null ? 0 : expressionNodes;
    }

    // ---------------------------------------------------------------- evaluation

    /** Evaluates a lazy tensor now; a realized tensor returns at once. */
    public Tensor realize() {
        if (expression == null) {
            return this;
        }
        synchronized (this) {
            Expression pending = expression;
            if (pending == null) {
                return this;
            }
            Storage target = new Storage(backend.allocate(dataType, shape.size()));
            Layout targetLayout = Layout.contiguous(shape.dims());
            Evaluation.evaluate(this, target, targetLayout, shape);
            this.storage = target;
            this.layout = targetLayout;
            this.expression = null;
            moveConsumersTo(target);
        }
        return this;
    }

    private synchronized void registerConsumer(Tensor consumer) {
        if (expression != null) {
            if (lazyConsumers == null) {
                lazyConsumers = new ArrayList<>();
            }
            lazyConsumers.add(new WeakReference<>(consumer));
        } else {
            storage.addDependent(consumer);
        }
    }

    private void moveConsumersTo(Storage target) {
        if (lazyConsumers == null) {
            return;
        }
        for (WeakReference<Tensor> reference : lazyConsumers) {
            Tensor consumer = reference.get();
            if (consumer != null) {
                target.addDependent(consumer);
            }
        }
        lazyConsumers = null;
    }

    /** Stops depending on {@code changing}, which is about to be written in place. */
    synchronized void detachFrom(Storage changing) {
        if (expression != null) {
            realize();
        }
    }

    // ---------------------------------------------------------------- element access

    /** Returns the single element of a one-element tensor, as a double. */
    public double item() {
        if (shape.size() != 1) {
            throw new IllegalStateException("item: tensor has " + shape.size() + " elements, shape " + shape
                    + "; item() needs exactly one");
        }
        Layout view = layout();
        return backend.get(storage.buffer(), view.offset());
    }

    /** Returns one element converted to double. Negative indices count from the end. */
    public double get(int... index) {
        Layout view = layout();
        return backend.get(storage.buffer(), Movement.elementOffset("get", view, index));
    }

    /**
     * Writes one element in place; negative indices count from the end.
     *
     * @return this tensor
     */
    public Tensor set(double value, int... index) {
        InPlace.checkWritable("set", this);
        Layout view = layout();
        int offset = Movement.elementOffset("set", view, index);
        storage.detachDependents(null);
        backend.set(storage.buffer(), offset, value);
        storage.buffer().bumpVersion();
        return this;
    }

    /** Copies the elements in row-major order into a new float array. */
    public float[] toFloatArray() {
        Layout view = layout();
        return backend.toFloatArray(storage.buffer(), view);
    }

    /** Copies the elements in row-major order into a new double array. */
    public double[] toDoubleArray() {
        Layout view = layout();
        return backend.toDoubleArray(storage.buffer(), view);
    }

    /** Copies the elements in row-major order into a new int array, truncating toward zero. */
    public int[] toIntArray() {
        Layout view = layout();
        return backend.toIntArray(storage.buffer(), view);
    }

    /** Returns this tensor converted to another data type; the same tensor if it already is. */
    public Tensor toType(DataType target) {
        return Elementwise.cast(this, target);
    }

    /** Returns a contiguous copy that shares nothing with this tensor. */
    public Tensor copy() {
        return Movement.copy(this);
    }

    // ---------------------------------------------------------------- views

    /**
     * Returns a view with another shape and the same elements in row-major order. One size may
     * be −1 and is inferred. When the layout cannot be viewed that way (for example a transposed
     * matrix flattened), the elements are copied, and {@link #view} fails instead.
     */
    public Tensor reshape(int... newShape) {
        return Movement.reshape(this, newShape, true);
    }

    /** As {@link #reshape}, but fails rather than copy when the layout does not allow a view. */
    public Tensor view(int... newShape) {
        return Movement.reshape(this, newShape, false);
    }

    /** Returns a view with axes startAxis..endAxis (inclusive) merged into one. */
    public Tensor flatten(int startAxis, int endAxis) {
        return Movement.flatten(this, startAxis, endAxis);
    }

    /** Returns a rank-1 view or copy of all elements. */
    public Tensor flatten() {
        return Movement.reshape(this, new int[] {shape.size()}, true);
    }

    /** Returns a view with two axes swapped. */
    public Tensor transpose(int axis0, int axis1) {
        return Movement.transpose(this, axis0, axis1);
    }

    /** Returns a view with the axes in the given order: result axis i is input axis order[i]. */
    public Tensor permute(int... order) {
        return Movement.permute(this, order);
    }

    /**
     * Returns the view of {@code length} elements of an axis starting at {@code start}; a
     * negative start counts from the end. Unlike {@link #slice}, a range that does not fit the
     * axis is an error rather than clipped.
     */
    public Tensor narrow(int axis, int start, int length) {
        return Movement.narrow(this, axis, start, length);
    }

    /**
     * Returns the view of positions start, start + step, ... before end along an axis, with
     * Python slice rules: negative start and end count from the end, out-of-range bounds are
     * clipped, and a negative step walks backwards (then start defaults should be given
     * explicitly, such as {@code slice(0, -1, -size - 1, -1)} for a full reversal).
     */
    public Tensor slice(int axis, int start, int end, int step) {
        return Movement.slice(this, axis, start, end, step);
    }

    /** Returns the view at one index of an axis, with that axis removed. */
    public Tensor select(int axis, int index) {
        return Movement.select(this, axis, index);
    }

    /** Returns a broadcast view with the given shape; stretched axes read the same element. */
    public Tensor expand(int... newShape) {
        return Movement.expand(this, Shape.of(newShape));
    }

    /** Returns a view with every size-1 axis removed. */
    public Tensor squeeze() {
        return Movement.squeeze(this);
    }

    /** Returns a view with one size-1 axis removed. */
    public Tensor squeeze(int axis) {
        return Movement.squeeze(this, axis);
    }

    /** Returns a view with a size-1 axis inserted at {@code axis}. */
    public Tensor unsqueeze(int axis) {
        return Movement.unsqueeze(this, axis);
    }

    /** Returns this tensor if it is contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() {
        return Movement.contiguous(this);
    }

    // ---------------------------------------------------------------- elementwise, one operand

    public Tensor neg() {
        return Elementwise.unary(UnaryOp.NEG, this);
    }

    public Tensor abs() {
        return Elementwise.unary(UnaryOp.ABS, this);
    }

    public Tensor exp() {
        return Elementwise.unary(UnaryOp.EXP, this);
    }

    /** exp(x) − 1, accurate near 0. */
    public Tensor expm1() {
        return Elementwise.unary(UnaryOp.EXPM1, this);
    }

    public Tensor log() {
        return Elementwise.unary(UnaryOp.LOG, this);
    }

    /** log(1 + x), accurate near 0. */
    public Tensor log1p() {
        return Elementwise.unary(UnaryOp.LOG1P, this);
    }

    public Tensor sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this);
    }

    /** 1 / sqrt(x). */
    public Tensor rsqrt() {
        return Elementwise.unary(UnaryOp.RSQRT, this);
    }

    public Tensor square() {
        return Elementwise.unary(UnaryOp.SQUARE, this);
    }

    /** 1 / x. */
    public Tensor reciprocal() {
        return Elementwise.unary(UnaryOp.RECIPROCAL, this);
    }

    public Tensor tanh() {
        return Elementwise.unary(UnaryOp.TANH, this);
    }

    /** 1 / (1 + exp(−x)), without overflow for large |x|. */
    public Tensor sigmoid() {
        return Elementwise.unary(UnaryOp.SIGMOID, this);
    }

    /** max(x, 0); the gradient at 0 is 0. */
    public Tensor relu() {
        return Elementwise.unary(UnaryOp.RELU, this);
    }

    /** −1, 0 or 1; ±0 and NaN map to themselves. Its gradient is 0. */
    public Tensor sign() {
        return Elementwise.unary(UnaryOp.SIGN, this);
    }

    public Tensor floor() {
        return Elementwise.unary(UnaryOp.FLOOR, this);
    }

    public Tensor ceil() {
        return Elementwise.unary(UnaryOp.CEIL, this);
    }

    /** Rounds to the nearest integer, halfway cases to the even one (2.5 gives 2). */
    public Tensor round() {
        return Elementwise.unary(UnaryOp.ROUND, this);
    }

    /** Gauss error function. */
    public Tensor erf() {
        return Elementwise.unary(UnaryOp.ERF, this);
    }

    /** Applies any unary operator. */
    public Tensor apply(UnaryOp op) {
        return Elementwise.unary(op, this);
    }

    // ---------------------------------------------------------------- elementwise, two operands

    public Tensor add(Tensor other) {
        return Elementwise.binary(BinaryOp.ADD, this, other);
    }

    public Tensor add(double other) {
        return Elementwise.binary(BinaryOp.ADD, this, constant(other));
    }

    public Tensor sub(Tensor other) {
        return Elementwise.binary(BinaryOp.SUB, this, other);
    }

    public Tensor sub(double other) {
        return Elementwise.binary(BinaryOp.SUB, this, constant(other));
    }

    public Tensor mul(Tensor other) {
        return Elementwise.binary(BinaryOp.MUL, this, other);
    }

    public Tensor mul(double other) {
        return Elementwise.binary(BinaryOp.MUL, this, constant(other));
    }

    public Tensor div(Tensor other) {
        return Elementwise.binary(BinaryOp.DIV, this, other);
    }

    public Tensor div(double other) {
        return Elementwise.binary(BinaryOp.DIV, this, constant(other));
    }

    public Tensor pow(Tensor exponent) {
        return Elementwise.binary(BinaryOp.POW, this, exponent);
    }

    public Tensor pow(double exponent) {
        return Elementwise.binary(BinaryOp.POW, this, constant(exponent));
    }

    /** Elementwise maximum; NaN if either operand is NaN. */
    public Tensor maximum(Tensor other) {
        return Elementwise.binary(BinaryOp.MAXIMUM, this, other);
    }

    public Tensor maximum(double other) {
        return Elementwise.binary(BinaryOp.MAXIMUM, this, constant(other));
    }

    /** Elementwise minimum; NaN if either operand is NaN. */
    public Tensor minimum(Tensor other) {
        return Elementwise.binary(BinaryOp.MINIMUM, this, other);
    }

    public Tensor minimum(double other) {
        return Elementwise.binary(BinaryOp.MINIMUM, this, constant(other));
    }

    /** 1 where this > other, else 0, in this tensor's type. */
    public Tensor gt(Tensor other) {
        return Elementwise.binary(BinaryOp.GT, this, other);
    }

    public Tensor gt(double other) {
        return Elementwise.binary(BinaryOp.GT, this, constant(other));
    }

    public Tensor ge(Tensor other) {
        return Elementwise.binary(BinaryOp.GE, this, other);
    }

    public Tensor ge(double other) {
        return Elementwise.binary(BinaryOp.GE, this, constant(other));
    }

    public Tensor lt(Tensor other) {
        return Elementwise.binary(BinaryOp.LT, this, other);
    }

    public Tensor lt(double other) {
        return Elementwise.binary(BinaryOp.LT, this, constant(other));
    }

    public Tensor le(Tensor other) {
        return Elementwise.binary(BinaryOp.LE, this, other);
    }

    public Tensor le(double other) {
        return Elementwise.binary(BinaryOp.LE, this, constant(other));
    }

    public Tensor eq(Tensor other) {
        return Elementwise.binary(BinaryOp.EQ, this, other);
    }

    public Tensor eq(double other) {
        return Elementwise.binary(BinaryOp.EQ, this, constant(other));
    }

    public Tensor ne(Tensor other) {
        return Elementwise.binary(BinaryOp.NE, this, other);
    }

    public Tensor ne(double other) {
        return Elementwise.binary(BinaryOp.NE, this, constant(other));
    }

    /** this · other, but 0 wherever other == 0, even where this is infinite or NaN. */
    public Tensor mulNoNan(Tensor other) {
        return Elementwise.binary(BinaryOp.MUL_NO_NAN, this, other);
    }

    /** Applies any binary operator. */
    public Tensor apply(BinaryOp op, Tensor other) {
        return Elementwise.binary(op, this, other);
    }

    // ---------------------------------------------------------------- where

    /**
     * Selects {@code ifTrue} where {@code condition} is nonzero (NaN counts as nonzero) and
     * {@code ifFalse} elsewhere, broadcasting all three. Only the selected value reaches the
     * output, so an infinity or NaN in the other branch never leaks into it, and the gradient of
     * the unselected branch is exactly 0.
     */
    public static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        return Elementwise.where(condition, ifTrue, ifFalse);
    }

    public static Tensor where(Tensor condition, double ifTrue, Tensor ifFalse) {
        return Elementwise.where(condition, ifFalse.constant(ifTrue), ifFalse);
    }

    public static Tensor where(Tensor condition, Tensor ifTrue, double ifFalse) {
        return Elementwise.where(condition, ifTrue, ifTrue.constant(ifFalse));
    }

    // ---------------------------------------------------------------- in place

    /**
     * Writes {@code value}, broadcast to this shape, into this tensor's elements, evaluating a
     * lazy value straight into them. Views of this tensor see the change; lazy tensors computed
     * from the old contents keep their values.
     *
     * @return this tensor
     */
    public Tensor assign(Tensor value) {
        return InPlace.assign(this, value);
    }

    /** Evaluates this tensor into {@code output}, which must have a shape this broadcasts to. */
    public Tensor into(Tensor output) {
        return InPlace.assign(output, this);
    }

    /** Sets every element to {@code value}. */
    public Tensor fill(double value) {
        return InPlace.assign(this, constant(value));
    }

    public Tensor addInPlace(Tensor other) {
        return InPlace.binary(BinaryOp.ADD, this, other);
    }

    public Tensor addInPlace(double other) {
        return InPlace.binary(BinaryOp.ADD, this, constant(other));
    }

    public Tensor subInPlace(Tensor other) {
        return InPlace.binary(BinaryOp.SUB, this, other);
    }

    public Tensor subInPlace(double other) {
        return InPlace.binary(BinaryOp.SUB, this, constant(other));
    }

    public Tensor mulInPlace(Tensor other) {
        return InPlace.binary(BinaryOp.MUL, this, other);
    }

    public Tensor mulInPlace(double other) {
        return InPlace.binary(BinaryOp.MUL, this, constant(other));
    }

    public Tensor divInPlace(Tensor other) {
        return InPlace.binary(BinaryOp.DIV, this, other);
    }

    public Tensor divInPlace(double other) {
        return InPlace.binary(BinaryOp.DIV, this, constant(other));
    }

    /** Applies any binary operator in place: this = this op other. */
    public Tensor applyInPlace(BinaryOp op, Tensor other) {
        return InPlace.binary(op, this, other);
    }

    /** Applies any unary operator in place. */
    public Tensor applyInPlace(UnaryOp op) {
        return InPlace.unary(op, this);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements, as a rank-0 tensor; 0 for an empty tensor. */
    public Tensor sum() {
        return Reductions.sum(this, null, false);
    }

    /** Sum over the given axes, which are removed from the shape. */
    public Tensor sum(int... axes) {
        return Reductions.sum(this, axes, false);
    }

    /** Sum over the given axes; with keepDims they stay as size-1 axes. */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Reductions.sum(this, axes, keepDims);
    }

    /** Mean of all elements; NaN for an empty tensor. */
    public Tensor mean() {
        return Reductions.mean(this, null, false);
    }

    public Tensor mean(int... axes) {
        return Reductions.mean(this, axes, false);
    }

    public Tensor mean(int[] axes, boolean keepDims) {
        return Reductions.mean(this, axes, keepDims);
    }

    /** Maximum of all elements; NaN if any is NaN; fails for an empty tensor. */
    public Tensor max() {
        return Reductions.extreme(this, null, false, true);
    }

    public Tensor max(int... axes) {
        return Reductions.extreme(this, axes, false, true);
    }

    public Tensor max(int[] axes, boolean keepDims) {
        return Reductions.extreme(this, axes, keepDims, true);
    }

    /** Minimum of all elements; NaN if any is NaN; fails for an empty tensor. */
    public Tensor min() {
        return Reductions.extreme(this, null, false, false);
    }

    public Tensor min(int... axes) {
        return Reductions.extreme(this, axes, false, false);
    }

    public Tensor min(int[] axes, boolean keepDims) {
        return Reductions.extreme(this, axes, keepDims, false);
    }

    /** Row-major flat index of the first maximum (or first NaN), as an int32 scalar. */
    public Tensor argmax() {
        return Reductions.argExtreme(this, null, false, true);
    }

    /** Index of the first maximum along an axis, as int32. */
    public Tensor argmax(int axis, boolean keepDims) {
        return Reductions.argExtreme(this, axis, keepDims, true);
    }

    /** Row-major flat index of the first minimum (or first NaN), as an int32 scalar. */
    public Tensor argmin() {
        return Reductions.argExtreme(this, null, false, false);
    }

    /** Index of the first minimum along an axis, as int32. */
    public Tensor argmin(int axis, boolean keepDims) {
        return Reductions.argExtreme(this, axis, keepDims, false);
    }

    /** Population variance of all elements (divided by n). */
    public Tensor variance() {
        return Reductions.variance(this, null, false, 0);
    }

    /**
     * Variance over the given axes: the sum of squared deviations from the mean divided by
     * (n − correction); correction 0 is the population variance, 1 the sample variance.
     */
    public Tensor variance(int[] axes, boolean keepDims, int correction) {
        return Reductions.variance(this, axes, keepDims, correction);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product. Rank-2 operands give [m, k]·[k, n] = [m, n]; higher ranks are batches of
     * matrices whose leading axes broadcast; a rank-1 left operand is a row vector and a rank-1
     * right operand a column vector, and the added axis is removed from the result. Transposed
     * views are passed to BLAS without copying.
     */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    /**
     * Matrix product written into {@code output}, which must already have the product's shape
     * and type; saves allocating the result, for example in a loop. Any layout of
     * {@code output} works: when its last two axes are row-major BLAS writes it directly,
     * otherwise, or when it shares memory with an operand, the product goes through a temporary.
     * Records no gradient, so it refuses operands that require one while gradients are on.
     *
     * @return {@code output}
     */
    public Tensor matmul(Tensor other, Tensor output) {
        return LinearAlgebra.matmul(this, other, output);
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks this tensor as a leaf whose gradient {@link #backward()} computes.
     *
     * @return this tensor
     */
    public Tensor setRequiresGrad(boolean value) {
        if (value && !dataType.isFloatingPoint()) {
            throw new IllegalArgumentException("setRequiresGrad: only float32 and float64 tensors have "
                    + "gradients, this one is " + dataType);
        }
        this.requiresGrad = value;
        return this;
    }

    /** Accumulated gradient of a leaf after {@link #backward()}, or null. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the accumulated gradient; null clears it. */
    public void setGrad(Tensor value) {
        if (value != null && !value.shape.equals(shape)) {
            throw new IllegalArgumentException("setGrad: gradient shape " + value.shape
                    + " differs from tensor shape " + shape);
        }
        this.grad = value;
    }

    /** Returns the recorded operation that produced this tensor, or null for a leaf. */
    public Node gradNode() {
        return gradNode;
    }

    /**
     * Records this tensor as the output of an operation implemented outside this package, so
     * that {@link #backward()} passes gradients through {@code rule} to {@code inputs}. Does
     * nothing when recording is off or no input requires gradients. For implementers of new
     * operations such as convolution kernels.
     *
     * @return this tensor
     */
    public Tensor recordOperation(String operation, org.cortexj.autograd.BackwardRule rule, Tensor... inputs) {
        Recorder.record(this, operation, rule, inputs);
        return this;
    }

    void recordGradNode(Node node) {
        this.gradNode = node;
        this.requiresGrad = true;
    }

    /** Tells whether this tensor is a leaf, that is, not produced by a recorded operation. */
    public boolean isLeaf() {
        return gradNode == null;
    }

    /** Returns a tensor with the same data that records no operations and requires no gradient. */
    public Tensor detach() {
        Expression pending = expression;
        if (pending != null) {
            return lazy(backend, pending, shape, dataType);
        }
        return realized(backend, storage, layout, dataType);
    }

    /** Back-propagates from this one-element tensor with a seed gradient of 1. */
    public void backward() {
        Backpropagation.backward(this, null);
    }

    /** Back-propagates an explicit upstream gradient of this tensor's shape. */
    public void backward(Tensor gradient) {
        Backpropagation.backward(this, gradient);
    }

    // ---------------------------------------------------------------- helpers

    /** Returns a rank-0 lazy constant of this tensor's type, for mixing scalars into expressions. */
    Tensor constant(double value) {
        return lazy(backend, Expression.constant(value), Shape.of(), dataType);
    }

    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }
}
