package org.cortexj.train.report;

/**
 * Origin of a report (command, model file, test set and machine), as opposed to how the model
 * was trained.
 *
 * @param writtenBy the command that wrote the report, for example {@code cortexj train}
 * @param modelFile path of the model file the report describes
 * @param testDataset name or folder of the dataset whose test split was evaluated
 * @param machine machine that ran the evaluation and wrote the report
 */
public record ReportContext(String writtenBy, String modelFile, String testDataset, MachineInfo machine) {
}
