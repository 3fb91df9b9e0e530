package org.cortexj.nn.description;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The printed table of a network: layer, id, output shape, parameter count, then the total. */
public final class NetworkSummary {

    private NetworkSummary() {
    }

    /**
     * One line of the table.
     *
     * @param position layer position from 0, or empty for the input line
     * @param layer the layer type with its settings, for example {@code conv2d 5x5, 20 filters, ...}
     * @param id the layer id, or empty when the layer has none
     * @param outputShape output shape of one example, channels first
     * @param parameters trainable parameters of the layer
     */
    public record Row(String position, String layer, String id, int[] outputShape, long parameters) {

        public Row {
            outputShape = outputShape.clone();
        }

        @Override
        public int[] outputShape() {
            return outputShape.clone();
        }
    }

    /** Returns the input line, then one row per layer in order. */
    public static List<Row> rows(NetworkDescription network) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("", "input", "", network.input(), 0));
        List<int[]> shapes = network.outputShapes();
        int[] shape = network.input();
        for (int i = 0; i < network.layers().size(); i++) {
            LayerDescription layer = network.layers().get(i);
            rows.add(new Row(Integer.toString(i), describe(layer), layer.id() == null ? "" : layer.id(), shapes.get(i),
                    layer.parameterCount(shape)));
            shape = shapes.get(i);
        }
        return rows;
    }

    public static String format(NetworkDescription network) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "layer", "id", "output shape", "parameters"});
        for (Row row : rows(network)) {
            rows.add(new String[] {row.position(), row.layer(), row.id(), Arrays.toString(row.outputShape()),
                String.format(Locale.ROOT, "%,d", row.parameters())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < 5; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            text.append(String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2]
                    + "s  %-" + widths[3] + "s  %" + widths[4] + "s", (Object[]) row).stripTrailing()).append('\n');
            if (r == 0) {
                text.append("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + widths[4] + 8)).append('\n');
            }
        }
        text.append(String.format(Locale.ROOT, "total parameters: %,d%n", network.parameterCount()));
        return text.toString();
    }

    private static String describe(LayerDescription layer) {
        if (layer instanceof LayerDescription.Convolution c) {
            return String.format(Locale.ROOT, "conv2d %s, %d filters, stride %s, padding %s", c.kernel(), c.filters(),
                    c.stride(), c.padding());
        }
        if (layer instanceof LayerDescription.Pooling p) {
            return String.format(Locale.ROOT, "%s %s, stride %s", p.type(), p.kernel(), p.stride());
        }
        if (layer instanceof LayerDescription.Activation a) {
            return a.function();
        }
        if (layer instanceof LayerDescription.Linear l) {
            return "linear " + l.units();
        }
        if (layer instanceof LayerDescription.Dropout d) {
            return String.format(Locale.ROOT, "%s p=%s", d.type(), d.p());
        }
        return layer.type();
    }
}
