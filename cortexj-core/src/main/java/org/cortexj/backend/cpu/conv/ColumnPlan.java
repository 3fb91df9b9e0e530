package org.cortexj.backend.cpu.conv;

import org.cortexj.backend.ConvGeometry;
import org.cortexj.backend.Window2d;

/**
 * Index arithmetic of the column layout that {@link Im2col} writes and {@link Col2im} reads,
 * precomputed once per call from a {@link ConvGeometry}.
 */
abstract class ColumnPlan {

    final int channels;
    final int width;
    final int inputPlaneSize;
    final int kernelHeight;
    final int kernelWidth;
    final int strideHeight;
    final int strideWidth;
    final int outputWidth;
    final int outputPlaneSize;
    final KernelTapRanges rows;
    final KernelTapRanges columns;

    private final int paddingHeight;
    private final int paddingWidth;
    private final int dilationHeight;
    private final int dilationWidth;
    private final int columnCols;

    ColumnPlan(ConvGeometry geometry) {
        Window2d window = geometry.window();
        channels = geometry.channels();
        width = geometry.width();
        inputPlaneSize = geometry.height() * geometry.width();
        kernelHeight = window.kernelHeight();
        kernelWidth = window.kernelWidth();
        strideHeight = window.strideHeight();
        strideWidth = window.strideWidth();
        paddingHeight = window.paddingHeight();
        paddingWidth = window.paddingWidth();
        dilationHeight = window.dilationHeight();
        dilationWidth = window.dilationWidth();
        outputWidth = geometry.outputWidth();
        outputPlaneSize = geometry.outputPlaneSize();
        columnCols = geometry.columnCols();
        rows = KernelTapRanges.rows(geometry);
        columns = KernelTapRanges.columns(geometry);
    }

    /** Index in the column matrix of tap {@code (channel, i, j)} at the first output of {@code image}. */
    final int rowStart(int channel, int i, int j, int image) {
        int row = (channel * kernelHeight + i) * kernelWidth + j;
        return row * columnCols + image * outputPlaneSize;
    }

    /** Returns the input row that kernel row {@code i} reads at output row {@code oh}, possibly padding. */
    final int inputRow(int oh, int i) {
        return oh * strideHeight - paddingHeight + i * dilationHeight;
    }

    /** Returns the input column that kernel column {@code j} reads at output column 0, possibly negative. */
    final int inputColumnOffset(int j) {
        return j * dilationWidth - paddingWidth;
    }

    /**
     * Returns whether a tap reads whole input rows in order, so that its block of output rows maps to one
     * contiguous run of the input plane. That holds when both strides are 1 and the tap reads
     * every input column at output columns {@code 0 .. width - 1}.
     */
    final boolean isWholeRowCopy(int colStart, int colEnd) {
        return strideHeight == 1 && strideWidth == 1 && colStart == 0 && colEnd == outputWidth
                && outputWidth == width;
    }
}
