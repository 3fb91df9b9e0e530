package org.cortexj.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the tensor-core benchmarks and prints a summary with the ratios BENCHMARKS.md records.
 * Arguments are JMH include patterns (default: Selu and Matmul benchmarks).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        List<String> includes = args.length == 0 ? List.of("SeluBenchmark", "MatmulBenchmark", "SeedNetworkBenchmark") : List.of(args);
        OptionsBuilder builder = new OptionsBuilder();
        for (String include : includes) {
            builder.include(include);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        printSummary(results);
    }

    private static void printSummary(Collection<RunResult> results) {
        Map<String, Double> scores = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark().replaceAll(".*\\.", "") + paramsOf(result);
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            scores.put(label, score);
            lines.add(String.format(Locale.ROOT, "%-55s %10.3f ms  ± %.3f", label, score, error));
        }
        System.out.println();
        System.out.println("== summary (average time per call) ==");
        lines.forEach(System.out::println);
        System.out.println();
        printSeluRatios(scores, 1);
        printSeluRatios(scores, 2);
        printMatmulRatios(scores, "128x800x1000");
        printMatmulRatios(scores, "1024x1024x1024");
        printImagesPerSecond(scores);
    }

    private static String paramsOf(RunResult result) {
        StringBuilder text = new StringBuilder();
        for (String key : result.getParams().getParamsKeys()) {
            text.append(' ').append(key).append('=').append(result.getParams().getParam(key));
        }
        return text.toString();
    }

    private static void printSeluRatios(Map<String, Double> scores, int workers) {
        String suffix = " size=16777216 workers=" + workers;
        Double fused = scores.get("fusedExpression" + suffix);
        if (fused == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "SELU, %d worker(s): fused %.2f ms%n", workers, fused);
        ratio("  fused / hand-written loop", fused, scores.get("handWrittenLoop" + suffix));
        ratio("  fused / hand-written Vector API loop", fused, scores.get("handWrittenVectorLoop" + suffix));
        ratio("  op-by-op / fused", scores.get("opByOp" + suffix), fused);
        ratio("  bandwidth fraction of arrayCopy (copy time / fused time)", scores.get("arrayCopy" + suffix), fused);
        ratio("  bandwidth fraction of tensorCopy (copy time / fused time)", scores.get("tensorCopy" + suffix), fused);
    }

    private static void printMatmulRatios(Map<String, Double> scores, String dims) {
        String[] parts = dims.split("x");
        double flops = 2.0 * Double.parseDouble(parts[0]) * Double.parseDouble(parts[1]) * Double.parseDouble(parts[2]);
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            String method = entry.getKey().replaceAll(" .*", "");
            if (method.startsWith("tensorMatmul") && entry.getKey().startsWith(method + " dims=" + dims)) {
                String threads = entry.getKey().replaceAll(".*threads=", "");
                Double direct = scores.get(entry.getKey().replace(method, "directOpenBlas"));
                double tensorGflops = flops / entry.getValue() / 1e6;
                String label = switch (method) {
                    case "tensorMatmul" -> "Tensor.matmul";
                    case "tensorMatmulInto" -> "Tensor.matmul into an existing tensor";
                    default -> "Tensor.matmul, OpenBLAS threads";
                };
                System.out.printf(Locale.ROOT, "matmul %s, %s thread(s): %s %.1f GFLOP/s", dims, threads, label,
                        tensorGflops);
                if (direct != null) {
                    double directGflops = flops / direct / 1e6;
                    System.out.printf(Locale.ROOT, ", direct OpenBLAS %.1f GFLOP/s, ratio %.3f", directGflops,
                            tensorGflops / directGflops);
                }
                System.out.println();
            }
        }
    }

    private static void printImagesPerSecond(Map<String, Double> scores) {
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            String name = entry.getKey();
            int batch = name.startsWith("inference1000") ? 1000 : name.matches("(forwardBackward|trainingStep)128.*") ? 128 : 0;
            if (batch > 0) {
                System.out.printf(Locale.ROOT, "seed network %s: %.0f images/s%n", name, batch * 1000.0 / entry.getValue());
            }
        }
    }

    private static void ratio(String label, Double numerator, Double denominator) {
        if (numerator != null && denominator != null) {
            System.out.printf(Locale.ROOT, "%s: %.3f%n", label, numerator / denominator);
        }
    }
}
