package org.cortexj.backend.cpu.conv;

import static org.cortexj.backend.cpu.conv.ReferenceCases.ATOL;
import static org.cortexj.backend.cpu.conv.ReferenceCases.RTOL;
import static org.cortexj.backend.cpu.conv.ReferenceCases.data;
import static org.cortexj.backend.cpu.conv.ReferenceCases.flag;
import static org.cortexj.backend.cpu.conv.ReferenceCases.pair;
import static org.cortexj.backend.cpu.conv.ReferenceCases.shape;
import static org.cortexj.backend.cpu.conv.TestArrays.assertClose;
import static org.cortexj.backend.cpu.conv.TestArrays.toDoubles;
import static org.cortexj.backend.cpu.conv.TestArrays.toFloats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every max-pool and avg-pool reference case through the kernels and compares y, the
 * max-pool indices and the gradient of x. Cases dispatch on {@code op} and {@code attrs}.
 */
class PoolingReferenceTest {

    static Stream<Arguments> cases() {
        return ReferenceCases.load("pooling.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poolingMatchesReference(String name, JsonNode node) {
        String op = node.get("op").asText();
        PoolGeometry geometry = geometry(node);
        double[] x = data(node.get("inputs").get("x"));
        JsonNode outputs = node.get("outputs");
        ReferenceCases.assertShape(name + " y", shape(outputs.get("y")), geometry.batch(),
                geometry.channels(), geometry.outputHeight(), geometry.outputWidth());

        switch (op) {
            case "maxpool2d" -> checkMaxPool(name, node, geometry, x);
            case "avgpool2d" -> checkAvgPool(name, node, geometry, x);
            default -> fail(name + ": unknown op " + op);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatPoolingMatchesReference(String name, JsonNode node) {
        PoolGeometry geometry = geometry(node);
        float[] x = toFloats(data(node.get("inputs").get("x")));
        float[] y = new float[geometry.outputSize()];

        if (node.get("op").asText().equals("maxpool2d")) {
            MaxPool2dKernel.forward(x, geometry, y, new int[y.length]);
        } else {
            AvgPool2dKernel.forward(x, geometry, countIncludePad(node), y);
        }

        assertClose(name + " float y", data(node.get("outputs").get("y")), toDoubles(y), 1e-4, 1e-5);
    }

    private static void checkMaxPool(String name, JsonNode node, PoolGeometry geometry, double[] x) {
        double[] y = new double[geometry.outputSize()];
        int[] indices = new int[geometry.outputSize()];
        MaxPool2dKernel.forward(x, geometry, y, indices);

        JsonNode outputs = node.get("outputs");
        assertClose(name + " y", data(outputs.get("y")), y, RTOL, ATOL);
        if (outputs.has("indices")) {
            assertArrayEquals(ReferenceCases.integers(outputs.get("indices")), indices, name + " indices");
        }
        if (node.has("grads")) {
            double[] dx = new double[x.length];
            MaxPool2dKernel.backward(data(node.get("dy")), indices, geometry, dx);
            assertClose(name + " grad x", data(node.get("grads").get("x")), dx, RTOL, ATOL);
        }
    }

    private static void checkAvgPool(String name, JsonNode node, PoolGeometry geometry, double[] x) {
        boolean countIncludePad = countIncludePad(node);
        double[] y = new double[geometry.outputSize()];
        AvgPool2dKernel.forward(x, geometry, countIncludePad, y);

        assertClose(name + " y", data(node.get("outputs").get("y")), y, RTOL, ATOL);
        if (node.has("grads")) {
            double[] dx = new double[x.length];
            AvgPool2dKernel.backward(data(node.get("dy")), geometry, countIncludePad, dx);
            assertClose(name + " grad x", data(node.get("grads").get("x")), dx, RTOL, ATOL);
        }
    }

    private static boolean countIncludePad(JsonNode node) {
        JsonNode attrs = node.get("attrs");
        JsonNode override = attrs.get("divisor_override");
        assertTrue(override == null || override.isNull(),
                node.get("name").asText() + ": divisor_override " + override + " is not supported");
        return flag(attrs, "count_include_pad", true);
    }

    /** Builds the geometry; PyTorch's defaults are stride = kernel, padding 0, dilation 1. */
    private static PoolGeometry geometry(JsonNode node) {
        JsonNode attrs = node.get("attrs");
        int[] xShape = shape(node.get("inputs").get("x"));
        int[] kernel = pair(attrs, "kernel", null);
        int[] stride = pair(attrs, "stride", kernel);
        int[] padding = pair(attrs, "padding", new int[] {0, 0});
        int[] dilation = pair(attrs, "dilation", new int[] {1, 1});
        Window2d window = new Window2d(kernel[0], kernel[1], stride[0], stride[1], padding[0],
                padding[1], dilation[0], dilation[1]);
        return new PoolGeometry(xShape[0], xShape[1], xShape[2], xShape[3], window,
                flag(attrs, "ceil_mode", false));
    }
}
