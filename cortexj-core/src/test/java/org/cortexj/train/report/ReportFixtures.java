package org.cortexj.train.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.train.ConfusionMatrix;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.EpochMetrics;
import org.cortexj.train.EvaluationResult;
import org.cortexj.train.TrainingResult;

/** Small networks, datasets and reports for the report tests, quick to build without training. */
final class ReportFixtures {

    static final int CLASSES = 4;

    private ReportFixtures() {
    }

    /** 8x8 images where class c brightens row 2c, plus noise. */
    static ImageDataset bars(int count, long seed) {
        Generator generator = new Generator(seed);
        byte[] images = new byte[count * 64];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = generator.nextInt(CLASSES);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                images[i * 64 + p] = (byte) (p / 8 == 2 * label ? 190 + generator.nextInt(60) : generator.nextInt(60));
            }
        }
        return ImageDataset.of("bars", images, labels, 8, 8, CLASSES);
    }

    /** Describes a network with a convolution first (3 filters of 3x3), so the report has a filter section. */
    static NetworkDescription convNetwork() {
        return NetworkDescription.builder(1, 8, 8).convolution("conv", 3, 3).maxPool(2, 2).activation("selu")
                .linear("out", CLASSES).softmax().build();
    }

    static Network network(NetworkDescription description) {
        return NetworkFactory.build(description, new Generator(5), new Generator(6));
    }

    static List<EpochMetrics> history(int epochs) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochMetrics(e, 1.0 / e, 0.5 + 0.1 * e, 1.2 / e, 0.45 + 0.1 * e, 1e-3, 2.0, 500.0));
        }
        return history;
    }

    /** Model metadata as cortexj train writes it, with {@code epochs} epochs of history (0 for none). */
    static ObjectNode metadata(int epochs) {
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        metadata.put("seed", 42);
        metadata.put("batch_size", 16);
        metadata.put("optimizer", "adam");
        metadata.put("learning_rate", 1e-3);
        metadata.put("library_version", "test");
        if (epochs > 0) {
            RunMetadata.record(metadata, "bars", result(history(epochs)), 300, 60);
        }
        return metadata;
    }

    /** Builds a training result with {@code history}, its last epoch kept, and a placeholder evaluation. */
    static TrainingResult result(List<EpochMetrics> history) {
        EvaluationResult best = new EvaluationResult(0.5, 0.75, new ConfusionMatrix(CLASSES), 60);
        return new TrainingResult(history, history.size(), false, best, 12.5);
    }

    static ReportData report(NetworkDescription description, ImageDataset test, int epochs) {
        Network network = network(description);
        DetailedEvaluation evaluation = TrainingReport.evaluate(network, test, Normalization.of(test));
        ReportContext context = new ReportContext("cortexj test", "out/model.cjm", "bars", MachineInfo.current());
        return TrainingReport.collect(network, metadata(epochs), test, evaluation, context);
    }

    /** Number of non-overlapping matches of {@code regex} in {@code text}. */
    static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Returns the text of the element whose start tag contains {@code attribute}, up to its first closing tag. */
    static String elementText(String html, String attribute) {
        int at = html.indexOf(attribute);
        if (at < 0) {
            throw new AssertionError("no element with " + attribute);
        }
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start));
    }
}
