package org.cortexj.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkJson;
import org.cortexj.nn.description.NetworkSummary;
import org.cortexj.train.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cortexj summary}: the layer table of a network description or model file. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the layer table (layer, id, output shape, parameters, total) of the built-in network, "
                + "a network JSON file or a model file.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", defaultValue = "seed", paramLabel = "seed|FILE",
            description = "'seed', a network JSON file or a model file (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--activation", defaultValue = "selu", description = "Activation of the built-in network (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--json", description = "Print the description as JSON instead of the table.")
    boolean json;

    private final PrintStream out;

    SummaryCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        NetworkDescription description = describe();
        out.print(json ? NetworkJson.toJson(description) + "\n" : NetworkSummary.format(description));
        return 0;
    }

    private NetworkDescription describe() throws java.io.IOException {
        if (source.equals("seed")) {
            return NetworkDescription.seedNetwork(activation);
        }
        Path path = Path.of(source);
        byte[] start = Files.readAllBytes(path);
        if (start.length > 0 && start[0] == '{') {
            return NetworkJson.fromJson(new String(start, java.nio.charset.StandardCharsets.UTF_8));
        }
        return ModelStore.load(path).network().description();
    }
}
