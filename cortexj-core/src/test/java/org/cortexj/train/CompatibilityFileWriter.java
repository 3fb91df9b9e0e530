package org.cortexj.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.io.ModelFile;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.LayerDescription.Convolution;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.Size2;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Writes the files that {@code ModelFormatCompatibilityTest} keeps for one model-file format
 * version: a trained model ({@code model.cjm}), a training checkpoint after one epoch
 * ({@code checkpoint.cjm}), and {@code expected.json} with inputs and the model's outputs.
 * Run it once per released format version, into a new folder, from the module folder:
 * <pre>
 * java -cp target/test-classes:target/classes:... org.cortexj.train.CompatibilityFileWriter \
 *     src/test/resources/org/cortexj/train/compatibility/v1
 * </pre>
 * Files of earlier versions must never be rewritten: they are what older releases wrote.
 */
public final class CompatibilityFileWriter {

    static final long SEED = 29;
    static final int INPUT_COUNT = 3;

    private CompatibilityFileWriter() {
    }

    /**
     * Returns a network with every layer kind of the description format: convolution with padding, batch
     * normalization (buffers), max and average pooling, activations, flatten, both dropouts,
     * linear and softmax, on 8×8 inputs with 4 classes as in {@link TrainingFixtures#bars}.
     */
    static NetworkDescription network() {
        return NetworkDescription.builder(1, 8, 8)
                .add(new Convolution("conv", 4, Size2.square(3), Size2.square(1), Size2.square(1), Size2.square(1),
                        true, Initialization.AUTO))
                .batchNorm().maxPool(2, 2).activation("selu")
                .convolution("conv2", 3, 2).averagePool(2, 1).activation("gelu")
                .flatten().alphaDropout(0.1).linear("hidden", 8).activation("relu")
                .dropout(0.25).linear("out", 4).softmax().build();
    }

    static TrainingSettings settings(int epochs, Path checkpoint) {
        return TrainingSettings.builder().epochs(epochs).batchSize(16).seed(SEED).learningRate(0.01)
                .checkpoint(checkpoint).evaluationBatchSize(32).build();
    }

    /** Inputs of shape [3, 1, 8, 8] from a seeded generator. */
    static Tensor inputs() {
        return Tensor.normal(new Generator(SEED), 0, 1, DataType.FLOAT32, INPUT_COUNT, 1, 8, 8);
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        Trainer trainer = new Trainer(network(), settings(1, folder.resolve("checkpoint.cjm")), List.of());
        trainer.fit(TrainingFixtures.bars(96, 1), TrainingFixtures.bars(32, 2), false);
        Network model = trainer.network();
        ModelStore.save(folder.resolve("model.cjm"), model, null);

        model.eval();
        Tensor inputs = inputs();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode expected = mapper.createObjectNode();
        expected.put("format_version", ModelFile.VERSION);
        expected.put("library_version", Version.current());
        expected.put("note", "inputs: Tensor.normal(new Generator(" + SEED + "), 0, 1, FLOAT32, 3, 1, 8, 8); "
                + "outputs: predictProbabilities of model.cjm");
        ArrayNode shape = expected.putArray("input_shape");
        for (int dim : inputs.shape().dims()) {
            shape.add(dim);
        }
        ArrayNode input = expected.putArray("inputs");
        for (float value : inputs.toFloatArray()) {
            input.add(value);
        }
        ArrayNode outputs = expected.putArray("outputs");
        for (float value : model.predictProbabilities(inputs).toFloatArray()) {
            outputs.add(value);
        }
        Files.writeString(folder.resolve("expected.json"), mapper.writeValueAsString(expected));
    }
}
