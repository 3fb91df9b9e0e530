package org.cortexj.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cortexj.data.idx.IdxTestFiles;
import org.cortexj.data.idx.IdxType;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.cortexj.train.ModelStore;

/**
 * Writes the seed files that the IDX and model-file fuzz tests start from: small valid files of
 * every element type, raw and gzip IDX, and model files of tiny networks. Each stays under
 * 4 KiB, the input size libFuzzer explores by default. Run from the module folder:
 * <pre>
 * java -cp target/test-classes:target/classes:... org.cortexj.io.FuzzCorpusWriter src/test/resources
 * </pre>
 */
public final class FuzzCorpusWriter {

    private FuzzCorpusWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        writeIdxSeeds(resources.resolve("org/cortexj/data/idx/IdxReaderFuzzTestInputs"));
        writeModelSeeds(resources.resolve("org/cortexj/io/ModelReaderFuzzTestInputs"));
    }

    static void writeIdxSeeds(Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] images = IdxTestFiles.unsignedBytes(new int[] {2, 3, 3},
                0, 1, 2, 3, 4, 5, 6, 7, 8, 255, 254, 253, 252, 251, 250, 249, 248, 247);
        byte[] labels = IdxTestFiles.unsignedBytes(new int[] {2}, 3, 7);
        Files.write(folder.resolve("seed-images-2x3x3.idx"), images);
        Files.write(folder.resolve("seed-labels-2.idx"), labels);
        Files.write(folder.resolve("seed-images-2x3x3.idx.gz"), IdxTestFiles.gzip(images));
        Files.write(folder.resolve("seed-empty-0x2.idx"), IdxTestFiles.header(IdxType.UNSIGNED_BYTE, 0, 2));
        for (IdxType type : IdxType.values()) {
            byte[] data = IdxTestFiles.encode(type, -2, -1, 0, 1, 2, 100);
            byte[] file = IdxTestFiles.concat(IdxTestFiles.header(type, 2, 3), data);
            String name = type.name().toLowerCase(java.util.Locale.ROOT);
            Files.write(folder.resolve("seed-" + name + "-2x3.idx"), file);
        }
    }

    static void writeModelSeeds(Path folder) throws IOException {
        Files.createDirectories(folder);
        ObjectMapper mapper = new ObjectMapper();

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("scalar", Tensor.of(new float[] {1.5f}));
        tensors.put("floats", Tensor.of(new float[] {1, -2, 3, Float.NaN, Float.POSITIVE_INFINITY, 0}, 2, 3));
        tensors.put("doubles", Tensor.of(new double[] {0.25, -1e300}, 2));
        tensors.put("ints", Tensor.of(new int[] {7, -7, Integer.MAX_VALUE}, 3, 1));
        tensors.put("empty", Tensor.of(new float[0], 0, 4));
        ObjectNode header = mapper.createObjectNode().put("note", "tensors of every type and rank 0 to 2");
        ModelFile.write(folder.resolve("seed-tensors.cjm"), new ModelContents(header, tensors));

        NetworkDescription convolutional = NetworkDescription.builder(1, 4, 4)
                .convolution("conv", 2, 3).maxPool(2, 1).activation("selu").linear("out", 3).softmax().build();
        saveNetwork(folder.resolve("seed-conv-network.cjm"), convolutional);

        NetworkDescription dense = NetworkDescription.builder(5)
                .linear("hidden", 3).batchNorm().activation("relu").dropout(0.5).linear("out", 2).build();
        saveNetwork(folder.resolve("seed-dense-network.cjm"), dense);

        NetworkDescription mixed = NetworkDescription.builder(2, 5, 5)
                .convolution("conv", 3, 3).batchNorm().averagePool(2, 2).flatten().alphaDropout(0.1)
                .linear("out", 2).build();
        saveNetwork(folder.resolve("seed-mixed-network.cjm"), mixed);
        writeRegressionSeeds(folder);
    }

    /**
     * Writes a crashing input found by review, kept as a regression seed: 142 bytes whose header
     * describes a linear layer of 1.95e9 parameters and stores none. Before ModelStore compared
     * the description with the stored elements, loading it exhausted the heap.
     */
    static void writeRegressionSeeds(Path folder) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode header = mapper.createObjectNode().put("format", ModelStore.FORMAT);
        header.set("network", mapper.readTree(
                "{\"input\": [1, 8, 8], \"layers\": [{\"type\": \"linear\", \"units\": 30000000}]}"));
        header.putObject("metadata");
        ModelFile.write(folder.resolve("regression-huge-network-no-tensors.cjm"), new ModelContents(header, Map.of()));
    }

    private static void saveNetwork(Path file, NetworkDescription description) throws IOException {
        Network network = NetworkFactory.build(description, new Generator(1), new Generator(2));
        ObjectNode metadata = new ObjectMapper().createObjectNode().put("seed", 1).put("dataset", "none");
        ModelStore.save(file, network, metadata);
    }
}
