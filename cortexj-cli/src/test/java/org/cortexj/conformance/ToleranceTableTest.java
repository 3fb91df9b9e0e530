package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ToleranceTableTest {

    private final ToleranceTable table = ToleranceTable.defaults();

    @Test
    void float64IsTheSameForEveryOp() {
        Tolerance expected = new Tolerance(1e-8, 1e-9);

        assertEquals(expected, table.forOp("relu", Precision.FLOAT64));
        assertEquals(expected, table.forOp("conv2d", Precision.FLOAT64));
        assertEquals(expected, table.forOp("seednet_selu", Precision.FLOAT64));
    }

    @Test
    void float32DependsOnTheTier() {
        assertEquals(new Tolerance(1e-5, 1e-6), table.forOp("softmax", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-4, 1e-5), table.forOp("conv2d", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-4, 1e-5), table.forOp("reduce_mean", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-5, 1e-6), table.forOp("optimizer_adam", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-3, 1e-4), table.forOp("seednet_selu", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-4, 1e-5), table.forOp("unknown_op", Precision.FLOAT32));
    }

    @Test
    void endToEndFamilyDecidesForUnlistedOps() {
        assertEquals(ToleranceTable.Tier.END_TO_END, ToleranceTable.tierOf("other_net", "e2e_other"));
        assertEquals(ToleranceTable.Tier.ACCUMULATING, ToleranceTable.tierOf("conv2d", "e2e_other"));
        assertEquals(ToleranceTable.Tier.ELEMENTWISE, ToleranceTable.tierOf("relu", "e2e_other"));
    }

    @Test
    void overrideReplacesOneEntry() {
        Tolerance custom = new Tolerance(1e-2, 0);

        ToleranceTable changed = table.withOverride("conv2d", Precision.FLOAT32, custom);

        assertEquals(custom, changed.forOp("conv2d", Precision.FLOAT32));
        assertEquals(new Tolerance(1e-8, 1e-9), changed.forOp("conv2d", Precision.FLOAT64));
        assertEquals(new Tolerance(1e-4, 1e-5), table.forOp("conv2d", Precision.FLOAT32));
    }
}
