package org.cortexj.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cortexj.conformance.BuiltInHandlers;
import org.cortexj.conformance.HandlerRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the {@code cortexj} command; see {@code cortexj --help}. */
@Command(name = "cortexj",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Machine learning for the JVM: tensors, autograd, layers and training.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command ran and found failures (such as failing reference cases)",
            "2:invalid arguments, or an input could not be read"
        })
public final class Main implements Callable<Integer> {

    /** Exit status for invalid arguments and unreadable input. */
    static final int USAGE_ERROR = 2;

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, BuiltInHandlers.registry()));
    }

    /**
     * Runs the command line with the given streams and handlers, and returns the exit status
     * instead of exiting.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err,
            HandlerRegistry registry) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("train", new TrainCommand(out));
        commandLine.addSubcommand("evaluate", new EvaluateCommand(out));
        commandLine.addSubcommand("predict", new PredictCommand(out));
        commandLine.addSubcommand("compare", new CompareCommand(out));
        commandLine.addSubcommand("summary", new SummaryCommand(out));
        commandLine.addSubcommand("check-reference", new CheckReferenceCommand(registry, out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            LogSetup.configure(VerboseOption.requested(parseResult), err);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            LOG.log(Level.FINE, "command failed", exception);
            // An invalid value or setting gets its message alone; anything else keeps its class, a sign of a bug.
            String message = exception instanceof IllegalArgumentException ? exception.getMessage() : exception.toString();
            failed.getErr().println(failed.getCommandName() + ": " + message);
            return USAGE_ERROR;
        });
        return commandLine.execute(args);
    }

    /** Without a subcommand, prints the usage to standard error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE_ERROR;
    }
}
