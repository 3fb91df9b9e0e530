package org.cortexj.autograd;

import static org.cortexj.autograd.FiniteDifferences.assertGradients;
import static org.cortexj.autograd.FiniteDifferences.values;

import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.UnaryOp;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recorded gradients of every differentiable operation against central differences. */
class OperationGradientTest {

    // ---------------------------------------------------------------- elementwise

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryGradientsMatch(UnaryOp op) {
        Tensor x = switch (op) {
            case LOG, SQRT, RSQRT -> values(0.2, 3, 3, 4);
            case LOG1P -> values(-0.7, 3, 3, 4);
            case EXP, EXPM1 -> values(-3, 2, 3, 4);
            default -> values(-2.3, 1.9, 3, 4);
        };

        assertGradients(op.name(), in -> in[0].apply(op), x);
    }

    @ParameterizedTest
    @EnumSource(value = BinaryOp.class, names = {"ADD", "SUB", "MUL", "DIV", "POW", "MAXIMUM", "MINIMUM", "MUL_NO_NAN"})
    void binaryGradientsMatch(BinaryOp op) {
        Tensor a = op == BinaryOp.POW ? values(0.3, 2.5, 3, 4) : values(-2, 2, 3, 4);
        Tensor b = op == BinaryOp.DIV || op == BinaryOp.MUL_NO_NAN ? values(0.5, 3, 3, 4).mul(-1)
                : op == BinaryOp.POW ? values(-1.5, 2.5, 3, 4) : values(-1.7, 2.2, 3, 4);

        assertGradients(op.name(), in -> in[0].apply(op, in[1]), a, b);
    }

    @ParameterizedTest
    @EnumSource(value = BinaryOp.class, names = {"ADD", "SUB", "MUL", "DIV", "MAXIMUM", "MINIMUM"})
    void broadcastOperandGradientsMatch(BinaryOp op) {
        Tensor a = values(-2, 2, 2, 3, 4);
        Tensor column = values(0.5, 1.5, 3, 1);
        Tensor row = values(0.6, 1.4, 1, 4);
        Tensor scalar = Tensor.scalar(0.7, DataType.FLOAT64);

        assertGradients(op + " column", in -> in[0].apply(op, in[1]), a, column);
        assertGradients(op + " row", in -> in[0].apply(op, in[1]), a, row);
        assertGradients(op + " scalar", in -> in[0].apply(op, in[1]), a, scalar);
        assertGradients(op + " both stretch", in -> in[0].apply(op, in[1]), values(-1, 1, 2, 1, 4), column);
        assertGradients(op + " scalar left", in -> in[0].apply(op, in[1]), scalar, a);
    }

    @Test
    void powGradientAtZeroBase() {
        Tensor base = Tensor.of(new double[] {0.0, 0.0, 1.5}, 3);
        Tensor exponent = Tensor.of(new double[] {2.0, 3.0, 2.0}, 3);

        assertGradients("pow at zero base", in -> in[0].pow(in[1]), 1e-5, base, exponent);
    }

    @Test
    void composedExpressionGradients() {
        Tensor x = values(-1.5, 1.5, 4, 3);
        Tensor y = values(0.5, 2, 4, 3);

        assertGradients("composed", in -> in[0].mul(in[1]).add(in[0].exp().div(in[1])).tanh().mul(in[0]), x, y);
        assertGradients("shared subtree", in -> {
            Tensor square = in[0].square();
            return square.mul(square).add(square.sigmoid());
        }, x);
    }

    @Test
    void whereGradientsMatch() {
        Tensor x = values(-2, 2, 3, 4);
        Tensor y = values(-1, 3, 3, 4);

        assertGradients("where", in -> Tensor.where(in[0].gt(0), in[0].square(), in[1].mul(3)), x, y);
        assertGradients("where broadcast", in -> Tensor.where(in[0].gt(0), in[0], in[1]), x, values(-1, 1, 4));
        assertGradients("where scalar branch", in -> Tensor.where(in[0].lt(0.5), in[0].exp(), 2.0), x);
    }

    // ---------------------------------------------------------------- reductions

    @Test
    void sumAndMeanGradientsMatch() {
        Tensor x = values(-2, 2, 2, 3, 4);

        assertGradients("sum all", in -> in[0].sum(), x);
        assertGradients("sum axis", in -> in[0].sum(1).square(), x);
        assertGradients("sum axes keepDims", in -> in[0].sum(new int[] {0, 2}, true).exp(), x);
        assertGradients("mean all", in -> in[0].mean(), x);
        assertGradients("mean axes", in -> in[0].mean(-1, 0).square(), x);
    }

    @Test
    void maxAndMinGradientsMatch() {
        Tensor x = values(-2, 2, 2, 3, 4);

        assertGradients("max all", in -> in[0].max(), x);
        assertGradients("max axis", in -> in[0].max(1), x);
        assertGradients("max axes keepDims", in -> in[0].max(new int[] {0, 2}, true).square(), x);
        assertGradients("min axis", in -> in[0].min(-1), x);
        assertGradients("min non-adjacent axes", in -> in[0].min(0, 2), x);
    }

    @Test
    void varianceGradientsMatch() {
        Tensor x = values(-2, 2, 2, 3, 4);

        assertGradients("variance all", in -> in[0].variance(), x);
        assertGradients("variance axis", in -> in[0].variance(new int[] {1}, false, 1), x);
        assertGradients("variance axes keepDims", in -> in[0].variance(new int[] {0, 2}, true, 0).sqrt(), x);
    }

    // ---------------------------------------------------------------- views

    @Test
    void reshapeAndPermuteGradientsMatch() {
        Tensor x = values(-2, 2, 2, 3, 4);

        assertGradients("reshape", in -> in[0].reshape(4, -1).exp(), x);
        assertGradients("view", in -> in[0].view(6, 4).sigmoid(), x);
        assertGradients("flatten", in -> in[0].flatten(1, 2).square(), x);
        assertGradients("transpose", in -> in[0].transpose(0, 2).tanh(), x);
        assertGradients("permute", in -> in[0].permute(2, 0, 1).exp(), x);
        assertGradients("reshape of transpose", in -> in[0].transpose(1, 2).reshape(-1).exp(), x);
        assertGradients("contiguous", in -> in[0].transpose(0, 1).contiguous().exp(), x);
        assertGradients("copy", in -> in[0].copy().square(), x);
    }

    @Test
    void sliceGradientsMatch() {
        Tensor x = values(-2, 2, 4, 6);

        assertGradients("slice step", in -> in[0].slice(1, 1, 6, 2).exp(), x);
        assertGradients("slice negative step", in -> in[0].slice(1, 4, 0, -2).exp(), x);
        assertGradients("slice reversal", in -> in[0].slice(0, -1, -5, -1).exp(), x);
        assertGradients("slice reversal to start", in -> in[0].slice(1, 5, -7, -1).square(), x);
        assertGradients("narrow", in -> in[0].narrow(0, 1, 2).exp(), x);
        assertGradients("select", in -> in[0].select(1, -2).exp(), x);
        assertGradients("empty negative slice", in -> in[0].slice(1, -20, -15, -1).exp(), x);
        assertGradients("empty positive slice", in -> in[0].slice(1, 4, 2, 1).exp(), x);
        assertGradients("slice twice", in -> in[0].slice(1, 0, 6, 2).slice(0, 3, 0, -2).square(), x);
    }

    @Test
    void expandAndSqueezeGradientsMatch() {
        Tensor column = values(-1, 1, 3, 1);

        assertGradients("expand", in -> in[0].expand(3, 4).mul(values(0, 1, 3, 4)), column);
        assertGradients("expand new axis", in -> in[0].expand(2, 3, 4).exp(), column);
        assertGradients("squeeze", in -> in[0].squeeze().exp(), column);
        assertGradients("squeeze axis", in -> in[0].squeeze(1).exp(), column);
        assertGradients("unsqueeze", in -> in[0].unsqueeze(0).exp(), column);
    }

    // ---------------------------------------------------------------- matmul

    @Test
    void matmulGradientsMatch() {
        assertGradients("matrix", in -> in[0].matmul(in[1]), values(-1, 1, 3, 4), values(-1, 1, 4, 2));
        assertGradients("batched broadcast", in -> in[0].matmul(in[1]),
                values(-1, 1, 2, 1, 3, 4), values(-1, 1, 5, 4, 2));
        assertGradients("matrix times batch", in -> in[0].matmul(in[1]),
                values(-1, 1, 3, 4), values(-1, 1, 2, 4, 2));
        assertGradients("vector times matrix", in -> in[0].matmul(in[1]), values(-1, 1, 4), values(-1, 1, 4, 3));
        assertGradients("matrix times vector", in -> in[0].matmul(in[1]), values(-1, 1, 3, 4), values(-1, 1, 4));
        assertGradients("vector times vector", in -> in[0].matmul(in[1]), values(-1, 1, 4), values(-2, 1, 4));
        assertGradients("transposed operands", in -> in[0].transpose(0, 1).matmul(in[1].transpose(0, 1)),
                values(-1, 1, 4, 3), values(-1, 1, 2, 4));
        assertGradients("matmul then tanh", in -> in[0].matmul(in[1]).tanh(), values(-1, 1, 3, 4),
                values(-1, 1, 4, 2));
    }
}
