package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.TestArrays.randomDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.Test;

/** Reorders between GEMM rows and NCHW, and the bias gradient, against loops in the test. */
class ConvOutputsTest {

    private static final ConvOracle CONV = new ConvOracle(3, 2, 5, 6, 4, Window2d.square(3, 2, 1, 1));

    @Test
    void rowsToNchwMatchesLoopWithBias() {
        ConvGeometry geometry = CONV.geometry();
        double[] rows = randomDoubles(CONV.outputSize(), 1);
        double[] bias = randomDoubles(CONV.outChannels, 2);
        double[] y = new double[CONV.outputSize()];
        float[] floatY = new float[CONV.outputSize()];

        ConvOutputs.rowsToNchw(rows, bias, geometry, CONV.outChannels, y);
        ConvOutputs.rowsToNchw(toFloats(rows), toFloats(bias), geometry, CONV.outChannels, floatY);

        double[] expected = Im2colTest.rowsToNchw(CONV, rows, bias);
        assertArrayEquals(expected, y);
        assertArrayEquals(toFloats(Im2colTest.rowsToNchw(CONV, toDoubles(toFloats(rows)),
                toDoubles(toFloats(bias)))), floatY);
    }

    @Test
    void rowsToNchwWithoutBiasCopies() {
        double[] rows = randomDoubles(CONV.outputSize(), 3);
        double[] y = new double[CONV.outputSize()];

        ConvOutputs.rowsToNchw(rows, null, CONV.geometry(), CONV.outChannels, y);

        assertArrayEquals(Im2colTest.rowsToNchw(CONV, rows, null), y);
    }

    @Test
    void nchwToRowsMatchesLoop() {
        double[] dy = randomDoubles(CONV.outputSize(), 4);
        double[] rows = new double[CONV.outputSize()];
        float[] floatRows = new float[CONV.outputSize()];

        ConvOutputs.nchwToRows(dy, CONV.geometry(), CONV.outChannels, rows);
        ConvOutputs.nchwToRows(toFloats(dy), CONV.geometry(), CONV.outChannels, floatRows);

        assertArrayEquals(Im2colTest.nchwToRows(CONV, dy), rows);
        assertArrayEquals(toFloats(Im2colTest.nchwToRows(CONV, dy)), floatRows);
    }

    @Test
    void biasGradientAddsChannelSums() {
        double[] dy = randomDoubles(CONV.outputSize(), 5);
        double[] dBias = {1, 2, 3, 4};
        float[] floatBias = {1, 2, 3, 4};

        ConvOutputs.biasGradient(dy, CONV.geometry(), CONV.outChannels, dBias);
        ConvOutputs.biasGradient(toFloats(dy), CONV.geometry(), CONV.outChannels, floatBias);

        double[] sums = CONV.biasGradient(dy);
        for (int co = 0; co < CONV.outChannels; co++) {
            assertEquals(co + 1 + sums[co], dBias[co], 1e-12, "dBias[" + co + "]");
            assertEquals(co + 1 + sums[co], floatBias[co], 1e-5, "float dBias[" + co + "]");
        }
    }

    @Test
    void rowsToNchwRejectsWrongBiasLength() {
        double[] rows = new double[CONV.outputSize()];
        double[] y = new double[CONV.outputSize()];

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConvOutputs.rowsToNchw(rows, new double[3], CONV.geometry(), 4, y));

        assertEquals("rowsToNchw: bias has 3 elements, but outChannels 4 needs exactly 4",
                error.getMessage());
    }
}
