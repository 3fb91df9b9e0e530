package org.cortexj.backend.cpu.conv;

import java.util.stream.Stream;
import org.cortexj.backend.Window2d;

/** Convolution geometries covered by the tests, each wrapped in the oracle that computes its expected values. */
final class ConvCases {

    private ConvCases() {
    }

    static Stream<ConvOracle> all() {
        return Stream.of(
                // 1x1 kernels: plain channel mixing, and with stride and padding.
                new ConvOracle(2, 3, 5, 7, 4, Window2d.square(1)),
                new ConvOracle(2, 2, 6, 5, 3, new Window2d(1, 1, 2, 2, 1, 1, 1, 1)),
                // 3x3 and 5x5, stride 1 and 2, padding 0 to 2, non-square inputs.
                new ConvOracle(2, 2, 7, 9, 3, Window2d.square(3, 1, 1, 1)),
                new ConvOracle(3, 1, 7, 9, 2, Window2d.square(3, 2, 1, 1)),
                new ConvOracle(2, 3, 8, 6, 4, Window2d.square(5, 1, 2, 1)),
                new ConvOracle(2, 2, 9, 11, 3, Window2d.square(5, 2, 0, 1)),
                new ConvOracle(1, 4, 5, 6, 4, Window2d.square(3, 1, 2, 1)),
                // Dilation 2 and 3, with and without stride and padding.
                new ConvOracle(2, 2, 7, 9, 2, Window2d.square(3, 1, 2, 2)),
                new ConvOracle(3, 2, 9, 7, 3, Window2d.square(3, 2, 1, 2)),
                new ConvOracle(2, 3, 7, 9, 2, Window2d.square(3, 1, 0, 3)),
                // Different settings per axis.
                new ConvOracle(2, 3, 6, 8, 2, new Window2d(2, 3, 2, 1, 1, 0, 1, 2)),
                new ConvOracle(2, 2, 7, 5, 3, new Window2d(3, 1, 1, 2, 0, 1, 2, 1)),
                // Edges: 1x1 output, kernel as large as the padded input, stride past the kernel,
                // a single pixel, and padding wider than the kernel (windows of padding only).
                new ConvOracle(2, 3, 3, 3, 1, Window2d.square(3)),
                new ConvOracle(2, 1, 4, 4, 2, Window2d.square(6, 1, 1, 1)),
                new ConvOracle(2, 2, 7, 8, 2, Window2d.square(2, 3, 0, 1)),
                new ConvOracle(1, 1, 1, 1, 1, Window2d.square(1)),
                new ConvOracle(2, 2, 5, 5, 3, Window2d.square(3, 1, 4, 1)),
                new ConvOracle(3, 2, 10, 12, 5, Window2d.square(3, 1, 1, 1)));
    }
}
