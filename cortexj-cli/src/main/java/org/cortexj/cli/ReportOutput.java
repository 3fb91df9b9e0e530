package org.cortexj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.nn.Network;
import org.cortexj.train.DetailedEvaluation;
import org.cortexj.train.report.MachineInfo;
import org.cortexj.train.report.ReportContext;
import org.cortexj.train.report.ReportData;
import org.cortexj.train.report.TrainingReport;

/** Writes the HTML report and its PNG charts for train and evaluate, and prints where they are. */
final class ReportOutput {

    private ReportOutput() {
    }

    /**
     * Writes {@code html} and the PNGs beside it for a model evaluated on {@code test}.
     *
     * @param command the command that writes the report, such as {@code cortexj train}
     * @param testDataset dataset name or folder whose test split {@code evaluation} covers
     */
    static TrainingReport.WrittenReport write(Path html, String command, Path model, Network network,
                                              JsonNode metadata, String testDataset, ImageDataset test,
                                              DetailedEvaluation evaluation) throws IOException {
        ReportContext context = new ReportContext(command, model.toString(), testDataset, MachineInfo.current());
        ReportData data = TrainingReport.collect(network, metadata, test, evaluation, context);
        return TrainingReport.write(html, data);
    }

    /** Prints one line per written file: the report, then the PNG charts. */
    static void print(PrintStream out, TrainingReport.WrittenReport files) {
        out.printf(Locale.ROOT, "report: %s%n", files.html().toAbsolutePath());
        out.printf(Locale.ROOT, "charts: %s%s%n", files.curves() == null ? "" : files.curves().toAbsolutePath() + ", ",
                files.confusion().toAbsolutePath());
    }
}
