package org.cortexj.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress. On a terminal it redraws one bar line per epoch (epoch, batch,
 * images/s, current loss, ETA); otherwise it prints a plain line every {@code logEvery}
 * batches. Each epoch ends with one aligned line of metrics.
 */
public final class ProgressListener implements TrainingListener {

    private final PrintStream out;
    private final boolean terminal;
    private final int logEvery;
    private long lastDraw;

    /**
     * @param terminal whether {@code out} is an interactive terminal (bar) or a log (lines)
     * @param logEvery batches between plain log lines, at least 1
     */
    public ProgressListener(PrintStream out, boolean terminal, int logEvery) {
        if (logEvery < 1) {
            throw new IllegalArgumentException("ProgressListener: logEvery must be >= 1, got " + logEvery);
        }
        this.out = out;
        this.terminal = terminal;
        this.logEvery = logEvery;
    }

    @Override
    public void onStart(TrainingSettings settings, int firstEpoch, long parameters, String backend) {
        out.printf(Locale.ROOT, "training: %,d parameters, %d epochs from epoch %d, batch %d, %s lr %s%s, seed %d%n",
                parameters, settings.epochs(), firstEpoch, settings.batchSize(), settings.optimizer().displayName(),
                settings.learningRate(), regularization(settings), settings.seed());
        out.println("training: " + backend);
    }

    /** Describes the weight decay and label smoothing that are on, as ", weight decay 5.0E-4". */
    private static String regularization(TrainingSettings settings) {
        String text = settings.weightDecay() > 0 ? ", weight decay " + settings.weightDecay() : "";
        return settings.labelSmoothing() > 0 ? text + ", label smoothing " + settings.labelSmoothing() : text;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, long examples, double loss, double imagesPerSecond) {
        if (terminal) {
            long now = System.nanoTime();
            if (batch < batches && now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            double remaining = (batches - batch) * (examples / (double) batch) / Math.max(imagesPerSecond, 1e-9);
            int width = 30;
            int filled = (int) ((long) width * batch / batches);
            out.printf(Locale.ROOT, "\repoch %3d [%s%s] %5d/%d  %7.0f images/s  loss %.4f  ETA %s ", epoch,
                    "=".repeat(filled), " ".repeat(width - filled), batch, batches, imagesPerSecond, loss,
                    duration(remaining));
            out.flush();
        } else if (batch % logEvery == 0 || batch == batches) {
            out.printf(Locale.ROOT, "epoch %d batch %d/%d: loss %.4f, %.0f images/s%n", epoch, batch, batches, loss,
                    imagesPerSecond);
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m, boolean improved) {
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(Locale.ROOT, "epoch %3d  train loss %.4f  train acc %.4f  test loss %.4f  test acc %.4f  "
                        + "lr %.2e  %6.1f s  %6.0f images/s%s%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                m.testLoss(), m.testAccuracy(), m.learningRate(), m.seconds(), m.imagesPerSecond(),
                improved ? "  *best" : "");
    }

    @Override
    public void onEnd(TrainingResult result) {
        out.printf(Locale.ROOT, "training: done in %.1f s; best epoch %d%s; test accuracy %.4f%n", result.seconds(),
                result.bestEpoch(), result.stoppedEarly() ? " (stopped early)" : "", result.best().accuracy());
    }

    private static String duration(double seconds) {
        long total = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }
}
