package org.cortexj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cortexj.conformance.ConformanceRunner;
import org.cortexj.conformance.HandlerRegistry;
import org.cortexj.conformance.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cortexj check-reference FOLDER}: runs reference vectors through the library. */
@Command(name = "check-reference",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs every case of the reference vector files in FOLDER through the library and "
                + "compares the results with the reference values.",
            "Prints one line per failing case and precision (worst tensor, its error and the "
                + "tolerance), one line per skipped op, then 'N passed, N failed, N skipped'. A case "
                + "is counted once: failed if it failed at any precision."
        },
        footer = {
            "",
            "Each tensor passes when every element satisfies",
            "  |got - expected| <= rtol * |expected| + atol * max|expected|",
            "where max|expected| is taken over the whole tensor. NaN and infinities must match "
                + "exactly, and so must integer and bool tensors.",
            "Default tolerances: float64 rtol 1e-8, atol 1e-9. float32 rtol 1e-5, atol 1e-6 for "
                + "elementwise ops and optimizers; rtol 1e-4, atol 1e-5 for matmul, conv, pooling, "
                + "reductions, batch norm and losses; rtol 1e-3, atol 1e-4 for whole networks."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every case that ran passed",
            "1:at least one case failed",
            "2:invalid arguments, or a file could not be read or breaks the format"
        })
final class CheckReferenceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER",
            description = "Folder of reference vector files: every *.json directly inside it is "
                    + "read (JSON files without \"cases\" and \"family\", such as a manifest, are "
                    + "ignored). A single .json file is also accepted.")
    Path folder;

    @Option(names = "--precision", paramLabel = "PRECISION", defaultValue = "both",
            description = "Floating-point precision to run each case at: ${COMPLETION-CANDIDATES}. "
                    + "Default: ${DEFAULT-VALUE}.")
    PrecisionChoice precision;

    @Mixin
    VerboseOption verbose;

    private final HandlerRegistry registry;
    private final PrintStream out;
    private final PrintStream err;

    CheckReferenceCommand(HandlerRegistry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            ConformanceRunner runner = new ConformanceRunner(registry, out);
            RunSummary summary = runner.run(folder, precision.precisions());
            out.flush();
            return summary.exitCode();
        } catch (NoSuchFileException e) {
            err.println("check-reference: " + folder + " does not exist; give a folder of *.json "
                    + "reference files");
            return 2;
        } catch (IOException e) {
            err.println("check-reference: cannot read " + folder + ": " + e);
            return 2;
        }
    }
}
