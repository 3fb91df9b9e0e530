package org.cortexj.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cortexj.backend.DataType;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BackwardTest {

    private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    // ---------------------------------------------------------------- gradient values

    @Test
    void broadcastGradientsReduceToOperandShape() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).setRequiresGrad(true);
        Tensor b = Tensor.of(new double[] {10, 20, 30}, 3).setRequiresGrad(true);
        Tensor c = Tensor.of(new double[] {-1, -2}, 2, 1).setRequiresGrad(true);
        Tensor s = Tensor.scalar(2, DataType.FLOAT64).setRequiresGrad(true);

        a.mul(b).add(c).mul(s).sum().backward();

        assertArrayEquals(new int[] {3}, b.grad().shape().dims());
        assertArrayEquals(new double[] {2 * (1 + 4), 2 * (2 + 5), 2 * (3 + 6)}, b.grad().toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, c.grad().shape().dims());
        assertArrayEquals(new double[] {6, 6}, c.grad().toDoubleArray());
        assertArrayEquals(new int[0], s.grad().shape().dims());
        assertEquals(10 + 40 + 90 + 40 + 100 + 180 - 3 - 6, s.grad().item());
        assertArrayEquals(new double[] {20, 40, 60, 20, 40, 60}, a.grad().toDoubleArray());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = Tensor.of(new double[] {1, -2, 3}, 3).setRequiresGrad(true);

        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {2, -4, 6}, x.grad().toDoubleArray());

        x.mul(3).sum().backward();
        assertArrayEquals(new double[] {5, -1, 9}, x.grad().toDoubleArray());

        x.setGrad(null);
        assertNull(x.grad());
        x.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1}, x.grad().toDoubleArray());
    }

    @Test
    void pathsToOneLeafAreSummed() {
        Tensor x = Tensor.of(new double[] {0.5, 2}, 2).setRequiresGrad(true);

        Tensor y = x.mul(x).add(x.exp()).add(x);
        y.sum().backward();

        assertArrayEquals(new double[] {2 * 0.5 + Math.exp(0.5) + 1, 2 * 2 + Math.exp(2) + 1},
                x.grad().toDoubleArray(), 1e-14);
    }

    @Test
    void explicitSeedScalesGradient() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2).setRequiresGrad(true);

        x.mul(4).backward(Tensor.of(new float[] {0.5f, -1f}, 2));

        assertEquals(DataType.FLOAT64, x.grad().dataType());
        assertArrayEquals(new double[] {2, -4}, x.grad().toDoubleArray());
    }

    @Test
    void float32LeafGetsFloat32Gradient() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).setRequiresGrad(true);

        x.square().mean().backward();

        assertEquals(DataType.FLOAT32, x.grad().dataType());
        assertArrayEquals(new float[] {1, 2}, x.grad().toFloatArray());
    }

    @Test
    void longChainBackpropagates() {
        Tensor x = Tensor.of(new double[] {0.3, -0.2}, 2).setRequiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 200; i++) {
            y = y.mul(1.01).add(0.001);
        }

        y.sum().backward();

        double expected = Math.pow(1.01, 200);
        assertArrayEquals(new double[] {expected, expected}, x.grad().toDoubleArray(), 1e-12 * expected);
    }

    @Test
    void detachStopsGradient() {
        Tensor x = Tensor.of(new double[] {3, 4}, 2).setRequiresGrad(true);

        x.detach().mul(x).sum().backward();

        assertArrayEquals(new double[] {3, 4}, x.grad().toDoubleArray());
        assertFalse(x.detach().requiresGrad());
    }

    @Test
    void castGradientReturnsToLeafType() {
        Tensor x = Tensor.of(new double[] {1.5, 2.5}, 2).setRequiresGrad(true);

        x.toType(DataType.FLOAT32).mul(2).sum().backward();

        assertEquals(DataType.FLOAT64, x.grad().dataType());
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
    }

    // ---------------------------------------------------------------- stored gradients

    @Test
    void leafGradientsAreIndependentTensors() {
        Tensor a = Tensor.of(new double[] {1, 2}, 2).setRequiresGrad(true);
        Tensor b = Tensor.of(new double[] {3, 4}, 2).setRequiresGrad(true);

        a.add(b).sum().backward();
        a.grad().mulInPlace(10);

        assertArrayEquals(new double[] {10, 10}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, b.grad().toDoubleArray());
    }

    @Test
    void leafGradientCanBeZeroedInPlace() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).setRequiresGrad(true);

        x.sum().backward();
        x.grad().fill(0);

        assertArrayEquals(new double[] {0, 0, 0}, x.grad().toDoubleArray());
        assertTrue(x.grad().isContiguous());
    }

    @Test
    void seedIsNotStoredAsGradient() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2).setRequiresGrad(true);
        Tensor seed = Tensor.of(new double[] {1, 1}, 2);

        x.backward(seed);
        seed.fill(7);

        assertArrayEquals(new double[] {1, 1}, x.grad().toDoubleArray());
    }

    // ---------------------------------------------------------------- recording

    @Test
    void gradModeDisableRecordsNothing() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2).setRequiresGrad(true);
        Tensor y;
        Tensor z;
        try (GradMode.Scope ignored = GradMode.disable()) {
            assertFalse(GradMode.isEnabled());
            y = x.mul(2).exp().sum();
            z = x.matmul(x);
        }

        assertTrue(GradMode.isEnabled());
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertNull(y.gradNode());
        assertFalse(z.requiresGrad());
        assertThrows(IllegalStateException.class, y::backward);
        assertNull(x.grad());
    }

    @Test
    void gradModeScopesNest() {
        try (GradMode.Scope outer = GradMode.disable()) {
            try (GradMode.Scope inner = GradMode.enable()) {
                assertTrue(GradMode.isEnabled());
                Tensor x = Tensor.ones(DataType.FLOAT64, 2).setRequiresGrad(true);
                assertTrue(x.mul(2).requiresGrad());
            }
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void recordedNodesNameOperation() {
        Tensor x = Tensor.ones(DataType.FLOAT64, 2).setRequiresGrad(true);

        Tensor y = x.mul(3);

        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
        assertEquals("mul", y.gradNode().operation());
        assertEquals(x, y.gradNode().inputs().get(0));
        assertFalse(x.gt(0).requiresGrad(), "comparisons have no gradient");
        assertFalse(Tensor.ones(2).mul(3).requiresGrad());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void nonScalarBackwardNeedsGradient() {
        Tensor x = Tensor.ones(DataType.FLOAT64, 3).setRequiresGrad(true);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> x.mul(2).backward());

        assertTrue(error.getMessage().contains("one-element tensor, got shape [3]"), error.getMessage());
        assertTrue(error.getMessage().contains("backward(gradient)"), error.getMessage());
    }

    @Test
    void backwardWithoutGradFails() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Tensor.ones(DataType.FLOAT64, 1).mul(2).backward());

        assertTrue(error.getMessage().contains("does not require grad"), error.getMessage());
        assertTrue(error.getMessage().contains("setRequiresGrad(true)"), error.getMessage());
    }

    @Test
    void seedShapeMustMatch() {
        Tensor x = Tensor.ones(DataType.FLOAT64, 3).setRequiresGrad(true);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> x.mul(2).backward(Tensor.ones(DataType.FLOAT64, 2)));

        assertTrue(error.getMessage().contains("gradient shape [2] differs from tensor shape [3]"), error.getMessage());
    }

    @Test
    void integerTensorsCannotRequireGrad() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new int[] {1}, 1).setRequiresGrad(true));

        assertTrue(error.getMessage().contains("int32"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2).setGrad(Tensor.ones(3)));
    }

    // ---------------------------------------------------------------- SELU through where

    /** Computes SELU with tensor operations: λ·x for x > 0, λ·α·(exp(x) − 1) otherwise. */
    private static Tensor selu(Tensor x) {
        return Tensor.where(x.gt(0), x, x.exp().mul(SELU_ALPHA).sub(SELU_ALPHA)).mul(SELU_LAMBDA);
    }

    @Test
    void seluAtLargeInputFloat32() {
        Tensor x = Tensor.of(new float[] {100f}, 1).setRequiresGrad(true);

        Tensor y = selu(x);
        y.sum().backward();

        float lambda = (float) SELU_LAMBDA;
        assertEquals(100f * lambda, y.toFloatArray()[0]);
        assertEquals(lambda, x.grad().toFloatArray()[0]);
    }

    @Test
    void seluGradientFarBelowZero() {
        Tensor x = Tensor.of(new double[] {-700}, 1).setRequiresGrad(true);

        selu(x).sum().backward();

        double gradient = x.grad().item();
        double expected = SELU_LAMBDA * SELU_ALPHA * Math.exp(-700);
        assertTrue(gradient > 0, "gradient " + gradient);
        assertEquals(1.7333e-304, gradient, 0.0002e-304);
        assertEquals(expected, gradient, expected * 1e-14);
    }

    @Test
    void seluGradientAtZero() {
        Tensor x = Tensor.of(new double[] {0}, 1).setRequiresGrad(true);

        Tensor y = selu(x);
        y.sum().backward();

        assertEquals(0, y.item());
        assertEquals(1.7580993408473766, x.grad().item(), 1e-15);
    }

    @Test
    void seluGradientsMatchDifferences() {
        FiniteDifferences.assertGradients("selu", in -> selu(in[0]), FiniteDifferences.values(-3, 3, 4, 5));
    }

    @Test
    void whereGradientIgnoresOverflowingBranch() {
        Tensor x = Tensor.of(new double[] {-1, 800, 1000}, 3).setRequiresGrad(true);

        Tensor.where(x.lt(0), x.exp(), x).sum().backward();

        assertArrayEquals(new double[] {Math.exp(-1), 1, 1}, x.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void overwrittenInputFailsBackward() {
        Tensor x = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor w = Tensor.matrix(new double[][] {{1, 0}, {0, 1}}).setRequiresGrad(true);
        Tensor y = x.matmul(w);

        x.assign(x.mul(10));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(error.getMessage().startsWith("backward: input 0 of 'matmul', shape [2, 2], was written in place"),
                error.getMessage());
        assertNull(w.grad());
    }

    @Test
    void lazyInputMayBeOverwritten() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2);
        Tensor w = Tensor.of(new double[] {3, 4}, 2).setRequiresGrad(true);
        Tensor y = x.mul(2).mul(w);

        x.assign(x.mul(10));
        y.sum().backward();

        assertArrayEquals(new double[] {2, 4}, w.grad().toDoubleArray(), 0);
    }
}
