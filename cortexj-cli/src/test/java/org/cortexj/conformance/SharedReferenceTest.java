package org.cortexj.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the reference vectors shipped beside the repository (PyTorch float64 values) through the
 * conformance runner, in float32 and float64, one file per family. Every case of these families
 * must pass and none may be skipped.
 */
class SharedReferenceTest {

    static List<String> implementedFamilies() {
        return List.of("unary_math.json", "binary_broadcast.json", "reductions.json", "linear_matmul.json",
                "activations.json", "softmax_losses.json", "optimizers.json", "conv2d.json", "pooling.json",
                "batchnorm.json", "alpha_dropout.json", "e2e_seednet_eval.json", "e2e_seednet_train.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementedFamilies")
    void referenceFamilyPassesEveryCase(String file) throws IOException {
        Path path = referenceFolder().resolve(file);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        RunSummary summary;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            summary = new ConformanceRunner(BuiltInHandlers.registry(), out)
                    .run(path, EnumSet.allOf(Precision.class));
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertEquals(0, summary.fileErrors(), text);
        assertEquals(0, summary.failed(), text);
        assertEquals(0, summary.skipped(), text);
        assertTrue(summary.passed() > 0, text);
    }

    /**
     * The reference folder: system property {@code cortexj.reference}, else {@code shared/reference}
     * beside the repository root, looked up from the working directory.
     */
    static Path referenceFolder() {
        String configured = System.getProperty("cortexj.reference");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path directory = Paths.get("").toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("reference vectors not found: expected shared/reference beside the "
                + "repository, or set -Dcortexj.reference=FOLDER");
    }
}
