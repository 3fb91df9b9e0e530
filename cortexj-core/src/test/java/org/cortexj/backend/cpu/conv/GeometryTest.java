package org.cortexj.backend.cpu.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.PoolGeometry;
import org.cortexj.backend.Window2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output sizes and validation messages of Window2d, ConvGeometry and PoolGeometry. */
class GeometryTest {

    @ParameterizedTest(name = "H{0} k{1} s{2} p{3} d{4} -> {5}")
    @CsvSource({
        // size, kernel, stride, padding, dilation, expected output, worked out by hand
        "7, 3, 1, 0, 1, 5",
        "7, 3, 1, 1, 1, 7",
        "9, 3, 2, 1, 1, 5",
        "8, 5, 1, 2, 1, 8",
        "11, 5, 2, 2, 1, 6",
        "6, 1, 2, 1, 1, 4",
        "7, 3, 1, 0, 2, 3",
        "9, 3, 2, 1, 2, 4",
        "3, 3, 1, 0, 1, 1",
        "1, 1, 1, 0, 1, 1",
        "5, 3, 1, 4, 1, 11",
        "8, 2, 3, 0, 1, 3"})
    void convOutputSizeMatchesFloorFormula(int size, int kernel, int stride, int padding,
            int dilation, int expected) {
        Window2d window = new Window2d(kernel, 1, stride, 1, padding, 0, dilation, 1);
        ConvGeometry rows = new ConvGeometry(1, 1, size, 4, window);
        ConvGeometry columns = new ConvGeometry(1, 1, 4, size, transpose(window));

        assertEquals(expected, rows.outputHeight());
        assertEquals(4, rows.outputWidth());
        assertEquals(expected, columns.outputWidth());
    }

    @ParameterizedTest(name = "H{0} k{1} s{2} p{3} ceil -> floor {4}, ceil {5}")
    @CsvSource({
        // size, kernel, stride, padding, floor output, ceil output (PyTorch 1.13 rule)
        "7, 2, 2, 0, 3, 4",
        "6, 2, 2, 0, 3, 3",
        "6, 3, 2, 1, 3, 4",
        "4, 3, 2, 0, 1, 2",
        // ceil(5 / 2) + 1 = 4, but window 3 would start at 6 = size + padding: dropped.
        "5, 2, 2, 1, 3, 3",
        "4, 3, 2, 1, 2, 3",
        "9, 3, 3, 1, 3, 4",
        "10, 4, 3, 1, 3, 4",
        // ceil(10 / 3) + 1 = 5, but window 4 would start at 12 = size + padding: dropped.
        "10, 4, 3, 2, 4, 4",
        "1, 1, 1, 0, 1, 1"})
    void poolOutputSizeFollowsCeilRule(int size, int kernel, int stride, int padding,
            int floorOutput, int ceilOutput) {
        Window2d window = new Window2d(kernel, 1, stride, 1, padding, 0, 1, 1);

        assertEquals(floorOutput, new PoolGeometry(1, 1, size, 3, window, false).outputHeight());
        assertEquals(ceilOutput, new PoolGeometry(1, 1, size, 3, window, true).outputHeight());
        assertEquals(ceilOutput, new PoolGeometry(1, 1, 3, size, transpose(window), true).outputWidth());
    }

    @Test
    void pooledDilationUsesKernelExtent() {
        // Extent 2 * (3 - 1) + 1 = 5 on 9 + 2 rows: floor(6 / 2) + 1 = 4, ceil the same.
        PoolGeometry geometry = new PoolGeometry(1, 1, 9, 9, Window2d.square(3, 2, 1, 2), true);

        assertEquals(4, geometry.outputHeight());
    }

    @Test
    void geometrySizesAreConsistent() {
        ConvGeometry conv = new ConvGeometry(2, 3, 7, 9, Window2d.square(3, 2, 1, 1));

        assertEquals(2 * 3 * 7 * 9, conv.inputSize());
        assertEquals(3 * 9, conv.columnRows());
        assertEquals(2 * 4 * 5, conv.columnCols());
        assertEquals(27 * 40, conv.columnSize());
        assertEquals(2 * 6 * 20, conv.outputSize(6));
        assertEquals(6 * 27, conv.weightSize(6));
    }

    @Test
    void windowRejectsZeroKernel() {
        assertMessage("Window2d: kernelWidth must be at least 1, got 0",
                () -> new Window2d(3, 0, 1, 1, 0, 0, 1, 1));
    }

    @Test
    void windowRejectsZeroStride() {
        assertMessage("Window2d: strideHeight must be at least 1, got 0",
                () -> new Window2d(3, 3, 0, 1, 0, 0, 1, 1));
    }

    @Test
    void windowRejectsNegativePadding() {
        assertMessage("Window2d: paddingWidth must be at least 0, got -1",
                () -> new Window2d(3, 3, 1, 1, 0, -1, 1, 1));
    }

    @Test
    void windowRejectsZeroDilation() {
        assertMessage("Window2d: dilationHeight must be at least 1, got 0",
                () -> new Window2d(3, 3, 1, 1, 0, 0, 0, 1));
    }

    @Test
    void convRejectsKernelLargerThanPaddedInput() {
        assertMessage("conv2d: kernelHeight 5 is larger than the padded input height 4 "
                + "(height 2 + 2 * paddingHeight 1); use a smaller kernel or more padding",
                () -> new ConvGeometry(1, 1, 2, 8, Window2d.square(5, 1, 1, 1)));
    }

    @Test
    void convRejectsDilatedKernelTooWide() {
        assertMessage("conv2d: kernelWidth 3 with dilationWidth 3 spans 7 input columns, which is "
                + "larger than the padded input width 6 (width 6 + 2 * paddingWidth 0); "
                + "use a smaller kernel or dilation or more padding",
                () -> new ConvGeometry(1, 1, 9, 6, new Window2d(3, 3, 1, 1, 0, 0, 1, 3)));
    }

    @Test
    void poolRejectsKernelLargerThanPaddedInput() {
        assertMessage("pool2d: kernelHeight 3 is larger than the padded input height 2 "
                + "(height 2 + 2 * paddingHeight 0); use a smaller kernel or more padding",
                () -> new PoolGeometry(1, 1, 2, 5, Window2d.square(3, 2, 0, 1), true));
    }

    @Test
    void poolRejectsPaddingOverHalfKernel() {
        assertMessage("pool2d: paddingWidth 2 is more than half of kernelWidth 3; "
                + "use padding of at most 1 or a larger kernel",
                () -> new PoolGeometry(1, 1, 8, 8, new Window2d(3, 3, 1, 1, 1, 2, 1, 1), false));
    }

    @Test
    void poolAcceptsPaddingOfHalfKernel() {
        PoolGeometry geometry = new PoolGeometry(1, 1, 4, 4, Window2d.square(2, 2, 1, 1), false);

        assertEquals(3, geometry.outputHeight());
    }

    @Test
    void convRejectsEmptyImage() {
        assertMessage("conv2d: width must be at least 1, got 0",
                () -> new ConvGeometry(1, 1, 3, 0, Window2d.square(1)));
    }

    @Test
    void convRejectsNegativeBatch() {
        assertMessage("conv2d: batch must be at least 0, got -2",
                () -> new ConvGeometry(-2, 1, 3, 3, Window2d.square(1)));
    }

    @Test
    void convRejectsColumnBufferOverflow() {
        // 64 channels * 9 taps * 64 images * 256 * 256 positions is about 2.4e9 elements.
        assertMessage("conv2d: the column buffer would have 2415919104 elements, more than a Java "
                + "array can hold (2147483647); use a smaller batch",
                () -> new ConvGeometry(64, 64, 256, 256, Window2d.square(3, 1, 1, 1)));
    }

    @Test
    void convRejectsNegativeOutChannels() {
        ConvGeometry geometry = new ConvGeometry(1, 1, 3, 3, Window2d.square(1));

        assertMessage("conv2d: outChannels must be at least 0, got -1", () -> geometry.outputSize(-1));
    }

    private static Window2d transpose(Window2d window) {
        return new Window2d(window.kernelWidth(), window.kernelHeight(), window.strideWidth(),
                window.strideHeight(), window.paddingWidth(), window.paddingHeight(),
                window.dilationWidth(), window.dilationHeight());
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, error.getMessage());
    }
}
