package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.ReferenceCases.ATOL;
import static org.cortexj.backend.cpu.conv.ReferenceCases.RTOL;
import static org.cortexj.backend.cpu.conv.ReferenceCases.data;
import static org.cortexj.backend.cpu.conv.ReferenceCases.pair;
import static org.cortexj.backend.cpu.conv.ReferenceCases.shape;
import static org.cortexj.backend.cpu.conv.TestArrays.assertClose;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every conv2d reference case through im2col, a naive GEMM in the test (one per group),
 * the bias and col2im, and compares y and the gradients of x, weight and bias.
 */
class ConvReferenceTest {

    static Stream<Arguments> cases() {
        return ReferenceCases.load("conv2d.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convMatchesReference(String name, JsonNode node) {
        assertEquals("conv2d", node.get("op").asText(), name + " op");
        Setup setup = new Setup(node);
        double[] col = new double[setup.geometry.columnSize()];
        Im2col.im2col(setup.x, setup.geometry, col);

        double[] y = setup.outputFromColumns(col);

        JsonNode expectedY = node.get("outputs").get("y");
        ReferenceCases.assertShape(name + " y", shape(expectedY), setup.batch(), setup.outChannels,
                setup.geometry.outputHeight(), setup.geometry.outputWidth());
        assertClose(name + " y", data(expectedY), y, RTOL, ATOL);
        if (node.has("grads")) {
            checkGradients(name, node, setup, col);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatConvMatchesReference(String name, JsonNode node) {
        Setup setup = new Setup(node);
        float[] col = new float[setup.geometry.columnSize()];
        Im2col.im2col(toFloats(setup.x), setup.geometry, col);

        // The float column matrix contains rounded inputs, and the products run in double.
        double[] y = setup.outputFromColumns(toDoubles(col));

        assertClose(name + " float y", data(node.get("outputs").get("y")), y, 1e-4, 1e-5);
    }

    private static void checkGradients(String name, JsonNode node, Setup setup, double[] col) {
        JsonNode grads = node.get("grads");
        double[] dy = data(node.get("dy"));
        double[] dyRows = new double[dy.length];
        ConvOutputs.nchwToRows(dy, setup.geometry, setup.outChannels, dyRows);

        double[] dWeight = setup.weightGradient(dyRows, col);
        double[] dcol = setup.columnGradient(dyRows);
        double[] dx = new double[setup.x.length];
        Col2im.col2im(dcol, setup.geometry, dx);

        assertClose(name + " grad x", data(grads.get("x")), dx, RTOL, ATOL);
        assertClose(name + " grad weight", data(grads.get("weight")), dWeight, RTOL, ATOL);
        if (grads.has("bias")) {
            double[] dBias = new double[setup.outChannels];
            ConvOutputs.biasGradient(dy, setup.geometry, setup.outChannels, dBias);
            assertClose(name + " grad bias", data(grads.get("bias")), dBias, RTOL, ATOL);
        }
    }

    /** Shapes and parameters of one case, with the grouped GEMMs written out as loops. */
    private static final class Setup {
        final double[] x;
        final double[] weight;
        final double[] bias;
        final ConvGeometry geometry;
        final int outChannels;
        final int groups;
        final int groupRows;
        final int groupOutChannels;

        Setup(JsonNode node) {
            JsonNode attrs = node.get("attrs");
            JsonNode params = node.get("params");
            int[] xShape = shape(node.get("inputs").get("x"));
            int[] weightShape = shape(params.get("weight"));
            int[] kernel = pair(attrs, "kernel", new int[] {weightShape[2], weightShape[3]});
            int[] stride = pair(attrs, "stride", new int[] {1, 1});
            int[] padding = pair(attrs, "padding", new int[] {0, 0});
            int[] dilation = pair(attrs, "dilation", new int[] {1, 1});
            x = data(node.get("inputs").get("x"));
            weight = data(params.get("weight"));
            bias = params.has("bias") ? data(params.get("bias")) : null;
            groups = attrs.has("groups") ? attrs.get("groups").asInt() : 1;
            outChannels = weightShape[0];
            Window2d window = new Window2d(kernel[0], kernel[1], stride[0], stride[1], padding[0],
                    padding[1], dilation[0], dilation[1]);
            geometry = new ConvGeometry(xShape[0], xShape[1], xShape[2], xShape[3], window);
            groupRows = weightShape[1] * kernel[0] * kernel[1];
            groupOutChannels = outChannels / groups;
        }

        int batch() {
            return geometry.batch();
        }

        /** Returns y in NCHW: W · col per group, reordered, plus bias. */
        double[] outputFromColumns(double[] col) {
            int columns = geometry.columnCols();
            double[] rows = new double[outChannels * columns];
            for (int co = 0; co < outChannels; co++) {
                int firstRow = (co / groupOutChannels) * groupRows;
                for (int j = 0; j < columns; j++) {
                    double sum = 0;
                    for (int k = 0; k < groupRows; k++) {
                        sum += weight[co * groupRows + k] * col[(firstRow + k) * columns + j];
                    }
                    rows[co * columns + j] = sum;
                }
            }
            double[] y = new double[geometry.outputSize(outChannels)];
            ConvOutputs.rowsToNchw(rows, bias, geometry, outChannels, y);
            return y;
        }

        /** Returns dW = dY · colᵀ per group. */
        double[] weightGradient(double[] dyRows, double[] col) {
            int columns = geometry.columnCols();
            double[] dWeight = new double[weight.length];
            for (int co = 0; co < outChannels; co++) {
                int firstRow = (co / groupOutChannels) * groupRows;
                for (int k = 0; k < groupRows; k++) {
                    double sum = 0;
                    for (int j = 0; j < columns; j++) {
                        sum += dyRows[co * columns + j] * col[(firstRow + k) * columns + j];
                    }
                    dWeight[co * groupRows + k] = sum;
                }
            }
            return dWeight;
        }

        /** Returns dcol = Wᵀ · dY per group, zero outside each group's rows and channels. */
        double[] columnGradient(double[] dyRows) {
            int columns = geometry.columnCols();
            double[] dcol = new double[geometry.columnSize()];
            for (int co = 0; co < outChannels; co++) {
                int firstRow = (co / groupOutChannels) * groupRows;
                for (int k = 0; k < groupRows; k++) {
                    double w = weight[co * groupRows + k];
                    for (int j = 0; j < columns; j++) {
                        dcol[(firstRow + k) * columns + j] += w * dyRows[co * columns + j];
                    }
                }
            }
            return dcol;
        }
    }
}
