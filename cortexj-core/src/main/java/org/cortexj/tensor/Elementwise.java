package org.cortexj.tensor;

import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.UnaryOp;

/**
 * Builds lazy elementwise tensors and their gradient rules.
 *
 * <p>Every rule multiplies a local derivative by the upstream gradient with
 * {@link BinaryOp#MUL_NO_NAN}, so where the upstream gradient is exactly 0 (for example the
 * branch a {@code where} did not select) the contribution is 0 even if the local derivative
 * overflowed to infinity.
 */
final class Elementwise {

    /** A lazy tree larger than this is evaluated before it grows further. */
    static final int MAX_PENDING_NODES = 48;

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955125738961589031215452;

    private Elementwise() {
    }

    static Tensor unary(UnaryOp op, Tensor x) {
        requireFloat(name(op), x);
        Tensor input = settle(x, x.shape());
        Tensor output = Tensor.lazy(x.backend(), Expression.unary(op, input), x.shape(), x.dataType());
        Recorder.record(output, name(op), g -> new Tensor[] {unaryGradient(op, x, output, g)}, x);
        return output;
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        requireFloat(name(op), a);
        requireFloat(name(op), b);
        requireSameType(name(op), a, b);
        Shape shape = Shape.broadcast(name(op), a.shape(), b.shape());
        Tensor left = settle(a, shape);
        Tensor right = settle(b, shape);
        Tensor output = Tensor.lazy(a.backend(), Expression.binary(op, left, right), shape, a.dataType());
        if (!op.isComparison()) {
            Recorder.record(output, name(op), g -> binaryGradients(op, a, b, output, g), a, b);
        }
        return output;
    }

    static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        requireFloat("where", ifTrue);
        requireFloat("where", ifFalse);
        requireSameType("where", ifTrue, ifFalse);
        Tensor mask = condition.dataType() == ifTrue.dataType() ? condition : cast(condition, ifTrue.dataType());
        Shape shape = Shape.broadcast("where", Shape.broadcast("where", mask.shape(), ifTrue.shape()), ifFalse.shape());
        Tensor output = Tensor.lazy(ifTrue.backend(), Expression.where(settle(mask, shape), settle(ifTrue, shape),
                settle(ifFalse, shape)), shape, ifTrue.dataType());
        Recorder.record(output, "where", g -> new Tensor[] {
            null,
            Reductions.sumToShape(Tensor.where(mask, g, 0), ifTrue.shape()),
            Reductions.sumToShape(Tensor.where(mask, 0, g), ifFalse.shape())
        }, condition, ifTrue, ifFalse);
        return output;
    }

    static Tensor cast(Tensor x, DataType target) {
        if (x.dataType() == target) {
            return x;
        }
        if (!target.isFloatingPoint()) {
            Tensor output = Tensor.zeros(target, x.shape().dims());
            x.backend().copy(x.buffer(), x.layout(), output.buffer(), output.layout());
            return output;
        }
        Tensor input = x.realize();
        Tensor output = Tensor.lazy(x.backend(), Expression.cast(input), x.shape(), target);
        DataType source = x.dataType();
        if (source.isFloatingPoint()) {
            Recorder.record(output, "toType", g -> new Tensor[] {cast(g, source)}, x);
        }
        return output;
    }

    /**
     * Evaluates a lazy operand now when keeping it lazy would cost more than it saves: when it
     * is broadcast (it would be recomputed for every copy) or its tree is already large.
     */
    private static Tensor settle(Tensor operand, Shape resultShape) {
        Expression pending = operand.pendingExpression();
        if (pending == null || pending.kind == Expression.Kind.CONSTANT) {
            return operand;
        }
        if (operand.size() < resultShape.size() || operand.pendingNodeCount() > MAX_PENDING_NODES) {
            operand.realize();
        }
        return operand;
    }

    private static Tensor unaryGradient(UnaryOp op, Tensor x, Tensor y, Tensor g) {
        return switch (op) {
            case NEG -> g.neg();
            case ABS -> x.sign().mulNoNan(g);
            case EXP -> y.mulNoNan(g);
            case EXPM1 -> x.exp().mulNoNan(g);
            case LOG -> x.reciprocal().mulNoNan(g);
            case LOG1P -> x.add(1).reciprocal().mulNoNan(g);
            case SQRT -> y.mul(2).reciprocal().mulNoNan(g);
            case RSQRT -> y.mul(y).mul(y).mul(-0.5).mulNoNan(g);
            case SQUARE -> x.mul(2).mulNoNan(g);
            case RECIPROCAL -> y.square().neg().mulNoNan(g);
            case TANH -> y.square().neg().add(1).mulNoNan(g);
            case SIGMOID -> y.mul(y.neg().add(1)).mulNoNan(g);
            case RELU -> Tensor.where(x.gt(0), g, 0);
            case SIGN, FLOOR, CEIL, ROUND -> g.mul(0);
            case ERF -> x.square().neg().exp().mul(TWO_OVER_SQRT_PI).mulNoNan(g);
        };
    }

    private static Tensor[] binaryGradients(BinaryOp op, Tensor a, Tensor b, Tensor y, Tensor g) {
        Tensor ga;
        Tensor gb;
        switch (op) {
            case ADD -> {
                ga = g;
                gb = g;
            }
            case SUB -> {
                ga = g;
                gb = g.neg();
            }
            case MUL, MUL_NO_NAN -> {
                ga = b.mulNoNan(g);
                gb = a.mulNoNan(g);
            }
            case DIV -> {
                ga = b.reciprocal().mulNoNan(g);
                gb = a.div(b.square()).neg().mulNoNan(g);
            }
            case POW -> {
                ga = b.mul(a.pow(b.sub(1))).mulNoNan(g);
                // d(a^b)/db = a^b log a, taken as 0 where a == 0 so that 0^b stays differentiable in b.
                gb = Tensor.where(a.eq(0), 0, y.mul(a.log())).mulNoNan(g);
            }
            case MAXIMUM, MINIMUM -> {
                Tensor wins = op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b);
                Tensor ties = a.eq(b);
                Tensor share = Tensor.where(ties, g.mul(0.5), Tensor.where(wins, g, 0));
                Tensor otherShare = Tensor.where(ties, g.mul(0.5), Tensor.where(wins, 0, g));
                ga = share;
                gb = otherShare;
            }
            default -> throw new IllegalStateException("no gradient for comparison " + op);
        }
        return new Tensor[] {Reductions.sumToShape(ga, a.shape()), Reductions.sumToShape(gb, b.shape())};
    }

    static void requireFloat(String operation, Tensor x) {
        if (!x.dataType().isFloatingPoint()) {
            throw new IllegalArgumentException(operation + ": needs float32 or float64 operands, got " + x.dataType()
                    + " of shape " + x.shape() + "; convert with toType(DataType.FLOAT32)");
        }
    }

    static void requireSameType(String operation, Tensor a, Tensor b) {
        if (a.dataType() != b.dataType()) {
            throw new IllegalArgumentException(operation + ": operand types differ, " + a.dataType() + " and "
                    + b.dataType() + "; convert one with toType(...)");
        }
    }

    static String name(UnaryOp op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String name(BinaryOp op) {
        return op == BinaryOp.MUL_NO_NAN ? "mulNoNan" : op.name().toLowerCase(java.util.Locale.ROOT);
    }
}
