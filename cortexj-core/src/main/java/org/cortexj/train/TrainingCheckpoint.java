package org.cortexj.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.io.ModelContents;
import org.cortexj.io.ModelFile;
import org.cortexj.io.ModelFormatException;
import org.cortexj.nn.Network;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.OptimizerState;
import org.cortexj.optim.ParameterState;
import org.cortexj.tensor.Tensor;

/**
 * Everything needed to continue a training run exactly: the network, the optimizer state, the
 * positions of the shuffling and noise generators, the best network so far and the history.
 * Stored as a model file whose header has a {@code trainer} object; tensors named
 * {@code optimizer/PARAMETER/KEY} hold optimizer state and {@code best/NAME} the best network.
 */
final class TrainingCheckpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OPTIMIZER = "optimizer/";
    private static final String BEST = "best/";

    private TrainingCheckpoint() {
    }

    /**
     * Trainer counters stored in the checkpoint. {@code replicas} is the data-parallel replica
     * count, which changes the dropout noise and the rounding of gradients, so a resume needs the
     * same count; checkpoints written before it was stored read as 1.
     */
    record State(int completedEpochs, long shufflePosition, long noisePosition, double bestMetric, int bestEpoch,
                 int staleEpochs, List<EpochMetrics> history, long seed, int batchSize, int replicas) {
    }

    static void write(Path path, Network network, Optimizer optimizer, Map<String, Tensor> best, State state,
                      ObjectNode metadata) throws IOException {
        Map<String, Tensor> extra = new LinkedHashMap<>();
        OptimizerState optimizerState = optimizer.state();
        ObjectNode optimizerHeader = MAPPER.createObjectNode();
        optimizerHeader.put("type", optimizerState.optimizer());
        optimizerHeader.put("step_count", optimizerState.stepCount());
        optimizerHeader.put("learning_rate", optimizerState.learningRate());
        ObjectNode scalars = optimizerHeader.putObject("scalars");
        optimizerState.parameters().forEach((name, parameterState) -> {
            parameterState.tensors().forEach((key, tensor) -> extra.put(OPTIMIZER + name + "/" + key, tensor));
            ObjectNode perParameter = scalars.putObject(name);
            parameterState.scalars().forEach(perParameter::put);
        });
        best.forEach((name, tensor) -> extra.put(BEST + name, tensor));
        ObjectNode header = MAPPER.createObjectNode();
        header.set("optimizer", optimizerHeader);
        header.set("trainer", stateToJson(state));
        ModelFile.write(path, ModelStore.contents(network, metadata, extra, header));
    }

    /** Restores network, optimizer and best network from a checkpoint, and returns the trainer state. */
    static State read(Path path, Network network, Optimizer optimizer, Map<String, Tensor> best) throws IOException {
        String source = path.toString();
        ModelContents contents = ModelFile.read(path);
        JsonNode trainer = contents.header().get("trainer");
        if (trainer == null) {
            throw new ModelFormatException(source + ": not a training checkpoint (no \"trainer\" header); "
                    + "pass the checkpoint file written during training, not the final model");
        }
        String expected = org.cortexj.nn.description.NetworkJson.toTree(network.description()).toString();
        if (!expected.equals(contents.header().get("network").toString())) {
            throw new ModelFormatException(source + ": checkpoint network differs from the requested network; "
                    + "resume with the same network and activation, or start a new run");
        }
        ModelStore.copyState(source, contents.tensors(), "", network);
        optimizer.loadState(optimizerState(contents));
        best.clear();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(BEST)) {
                best.put(name.substring(BEST.length()), tensor);
            }
        });
        return stateFromJson(trainer);
    }

    private static OptimizerState optimizerState(ModelContents contents) {
        JsonNode header = contents.header().get("optimizer");
        Map<String, Map<String, Tensor>> tensors = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(OPTIMIZER)) {
                String rest = name.substring(OPTIMIZER.length());
                int slash = rest.lastIndexOf('/');
                tensors.computeIfAbsent(rest.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(rest.substring(slash + 1), tensor);
            }
        });
        Map<String, ParameterState> parameters = new LinkedHashMap<>();
        JsonNode scalars = header.get("scalars");
        java.util.Set<String> names = new java.util.LinkedHashSet<>(tensors.keySet());
        scalars.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            Map<String, Double> values = new LinkedHashMap<>();
            JsonNode perParameter = scalars.get(name);
            if (perParameter != null) {
                perParameter.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asDouble()));
            }
            parameters.put(name, new ParameterState(tensors.getOrDefault(name, Map.of()), values));
        }
        return new OptimizerState(header.get("type").asText(), header.get("step_count").asLong(),
                header.get("learning_rate").asDouble(), parameters);
    }

    private static ObjectNode stateToJson(State state) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("completed_epochs", state.completedEpochs());
        node.put("shuffle_position", state.shufflePosition());
        node.put("noise_position", state.noisePosition());
        node.put("best_metric", state.bestMetric());
        node.put("best_epoch", state.bestEpoch());
        node.put("stale_epochs", state.staleEpochs());
        node.put("seed", state.seed());
        node.put("batch_size", state.batchSize());
        node.put("replicas", state.replicas());
        ArrayNode history = node.putArray("history");
        for (EpochMetrics metrics : state.history()) {
            history.add(MAPPER.valueToTree(metrics));
        }
        return node;
    }

    private static State stateFromJson(JsonNode node) throws ModelFormatException {
        List<EpochMetrics> history = new ArrayList<>();
        try {
            for (JsonNode entry : node.get("history")) {
                history.add(MAPPER.treeToValue(entry, EpochMetrics.class));
            }
        } catch (IOException e) {
            throw new ModelFormatException("checkpoint: invalid history entry: " + e.getMessage());
        }
        return new State(node.get("completed_epochs").asInt(), node.get("shuffle_position").asLong(),
                node.get("noise_position").asLong(), node.get("best_metric").asDouble(), node.get("best_epoch").asInt(),
                node.get("stale_epochs").asInt(), history, node.get("seed").asLong(), node.get("batch_size").asInt(),
                node.path("replicas").asInt(1));
    }
}
